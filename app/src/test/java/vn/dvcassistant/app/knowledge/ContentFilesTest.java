package vn.dvcassistant.app.knowledge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.multipart.MultipartBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.database.OwnEmbeddedDatabase;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * YAML stays the exchange format, and the database the source of truth: the content downloads as a zip of YAML
 * files, an upload of a zip or a single file is checked whole (all or nothing) and becomes drafts a second person
 * approves, and the reload of DVC_KB_DIR imports the files the same way instead of serving them around the review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentFilesTest {

    private static final String ENTRY = "ho-tich/dang-ky-khai-sinh.yml";

    private Path content;
    private Path dir;
    private EmbeddedServer server;
    private HttpClient client;
    private StaffAccounts accounts;
    private ObjectMapper json;

    @BeforeAll
    void start() throws IOException {
        content = copyOfContent();
        dir = Files.createTempDirectory("dvc-content-files-db-");
        Map<String, Object> properties = new HashMap<>(OwnEmbeddedDatabase.properties(dir));
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.connection-timeout", 5000);
        properties.put("dvc.knowledge-base.dir", content.toString());
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        // Not following redirects: the login's session cookie comes with its redirect.
        client = StaffSession.client(server);
        accounts = server.getApplicationContext().getBean(StaffAccounts.class);
        json = server.getApplicationContext().getBean(ObjectMapper.class);
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
        OwnEmbeddedDatabase.stop(dir);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReloadImportsEditedFilesAsDraftsThatASecondPersonApprovesAndBrokenFilesChangeNothing() throws Exception {
        Path entry = content.resolve(ENTRY);
        String original = Files.readString(entry);
        Files.writeString(entry, original.replace("title: Đăng ký khai sinh", "title: Đăng ký khai sinh cho trẻ em"));

        assertThat(StaffSession.send(client, reload(null)).getStatus().getCode()).isEqualTo(401);
        Cookie editor = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        assertThat(StaffSession.send(client, reload(editor)).getStatus().getCode()).isEqualTo(403);

        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        HttpResponse<String> done = StaffSession.send(client, reload(admin));
        assertThat(done.getStatus().getCode()).isEqualTo(200);
        Map<String, Object> report = map(done.body());
        assertThat(report).containsEntry("reloaded", false);
        assertThat((List<Object>) report.get("changed")).contains("dang-ky-khai-sinh");
        assertThat(title()).as("the edited file waits for review").isEqualTo("Đăng ký khai sinh");
        assertThat(StaffSession.send(client, approve("dang-ky-khai-sinh", admin)).getStatus().getCode())
                .as("the admin who reloaded is its author").isEqualTo(403);
        assertThat(StaffSession.send(client, approve("dang-ky-khai-sinh", editor)).getStatus().getCode()).isEqualTo(200);
        awaitTitle("Đăng ký khai sinh cho trẻ em");

        Files.writeString(entry, original.replace("field: ho-tich", "field: khong-co-linh-vuc-nay"));
        HttpResponse<String> refused = StaffSession.send(client, reload(admin));
        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> body = map(refused.body());
        assertThat(body).containsEntry("error", "invalid_content").containsEntry("reloaded", false);
        assertThat(body.get("problems").toString()).contains("dang-ky-khai-sinh", "Lĩnh vực \"khong-co-linh-vuc-nay\"");
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/topics/dang-ky-khai-sinh/history").cookie(admin))
                .body()).as("nothing stored").doesNotContain("\"state\":\"draft\"");
        assertThat(title()).isEqualTo("Đăng ký khai sinh cho trẻ em");
        Files.writeString(entry, original);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContentDownloadsAsAZipOfYamlFilesAndAnUploadIsAllOrNothing() throws Exception {
        Cookie author = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        Cookie reviewer = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        HttpResponse<byte[]> download = client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/content/export")
                .cookie(author), byte[].class);
        assertThat(download.getHeaders().get("Content-Disposition")).contains(".zip");
        Map<String, String> files = unzip(download.body());
        assertThat(files).containsKeys("synonyms.yml", "out-of-scope.yml", "dat-dai/cap-giay-chung-nhan-lan-dau.yml");
        assertThat(files.keySet()).allMatch(p -> p.endsWith(".yml") && p.split("/").length <= 2);
        assertThat(files.get("dat-dai/cap-giay-chung-nhan-lan-dau.yml")).startsWith("id: cap-giay-chung-nhan-lan-dau");

        // One good change and one broken file in the same zip: refused whole, with the problem in Vietnamese.
        Map<String, String> edited = new java.util.TreeMap<>(files);
        String land = "dat-dai/cap-giay-chung-nhan-lan-dau.yml";
        edited.put(land, files.get(land).replaceFirst("(?m)^title: .*$", "title: Cấp sổ đỏ lần đầu"));
        String civil = "ho-tich/dang-ky-ket-hon.yml";
        edited.put(civil, files.get(civil).replaceFirst("(?m)^official_url: .*$", "official_url: dichvucong.gov.vn"));
        HttpResponse<String> refused = upload(author, "noi-dung.zip", zip(edited));
        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        Map<String, Object> body = map(refused.body());
        assertThat(body.get("error")).isEqualTo("invalid_content");
        assertThat(body.get("problems").toString()).contains(civil, "official_url", "https://");
        assertThat(history("cap-giay-chung-nhan-lan-dau", author)).as("nothing stored").hasSize(1);

        edited.put(civil, files.get(civil));
        HttpResponse<String> accepted = upload(author, "noi-dung.zip", zip(edited));
        assertThat(accepted.getStatus().getCode()).as(accepted.body()).isEqualTo(200);
        Map<String, Object> report = map(accepted.body());
        assertThat((List<Object>) report.get("changed")).containsExactly("cap-giay-chung-nhan-lan-dau");
        assertThat(report).containsEntry("published", false);
        assertThat(history("cap-giay-chung-nhan-lan-dau", author).get(0)).containsEntry("state", "draft")
                .containsEntry("origin", "upload");
        assertThat(StaffSession.send(client, approve("cap-giay-chung-nhan-lan-dau", reviewer)).getStatus().getCode())
                .isEqualTo(200);

        // A single YAML file goes in the folder of the field it names.
        String single = files.get(civil).replaceFirst("(?m)^title: .*$", "title: Đăng ký kết hôn (tải lên)");
        HttpResponse<String> one = upload(author, "dang-ky-ket-hon.yml", single.getBytes(StandardCharsets.UTF_8));
        assertThat(one.getStatus().getCode()).as(one.body()).isEqualTo(200);
        assertThat(history("dang-ky-ket-hon", author).get(0)).containsEntry("state", "draft");

        HttpResponse<String> notYaml = upload(author, "anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(notYaml.getStatus().getCode()).isEqualTo(400);
        assertThat(notYaml.body()).contains(".zip");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String id, Cookie session) throws IOException {
        List<?> list = json.readValue(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/topics/" + id + "/history")
                .cookie(session)).body(), io.micronaut.core.type.Argument.listOf(Map.class));
        return list.stream().map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String body) throws IOException {
        return json.readValue(body, Map.class);
    }

    private HttpResponse<String> upload(Cookie session, String name, byte[] bytes) {
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/content/import",
                        MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(session)));
    }

    static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private String title() {
        return (String) client.toBlocking().retrieve("/api/v1/topics/dang-ky-khai-sinh", Map.class).get("title");
    }

    private void awaitTitle(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!expected.equals(title())) {
            assertThat(System.nanoTime()).as("title " + expected + " served").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static HttpRequest<?> reload(Cookie session) {
        var request = HttpRequest.POST("/api/v1/admin/knowledge-base/reload", Map.of())
                .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
        return session == null ? request : request.cookie(session);
    }

    private static HttpRequest<?> approve(String id, Cookie session) {
        return ContentPublicationTest.approve(id, session);
    }

    private static Path copyOfContent() {
        Path source = Path.of("../knowledge-base/content").toAbsolutePath().normalize();
        try {
            Path target = Files.createTempDirectory("kb-reload-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
