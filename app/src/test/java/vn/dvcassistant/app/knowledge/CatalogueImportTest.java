package vn.dvcassistant.app.knowledge;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.database.OwnEmbeddedDatabase;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.catalogue.SyntheticCatalogue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An editor uploads the province's catalogue: the shipped sample, a re-import that updates and retires, files
 * refused whole, and the synthetic 2,000 rows. On a database of its own, so the catalogue stays out of other tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueImportTest {

    private static final String HEADER = "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,"
            + "Thời hạn giải quyết,\"Phí, lệ phí\",Mức độ trực tuyến,Căn cứ pháp lý,Đường dẫn\n";
    private static final String POWER = "tthc-thay-doi-chu-the-hop-dong-mua-ban-dien";

    private Path dir;
    private EmbeddedServer server;
    private HttpClient client;
    private ObjectMapper json;
    private Cookie editor;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("dvc-catalogue-db-");
        Map<String, Object> properties = new HashMap<>(OwnEmbeddedDatabase.properties(dir));
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.connection-timeout", 5000);
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        client = StaffSession.client(server);
        json = server.getApplicationContext().getBean(ObjectMapper.class);
        editor = StaffSession.loginAs(client, server.getApplicationContext().getBean(StaffAccounts.class), Roles.EDITOR, null);
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
        OwnEmbeddedDatabase.stop(dir);
    }

    @Test
    void theSampleIsImportedAnsweredThenUpdatedAndRetiredAndBadFilesChangeNothing() throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("../knowledge-base/catalogue/sample.csv"));
        Map<?, ?> report = ok(upload("sample.csv", sample));
        assertThat(report.get("imported")).isEqualTo(41);
        assertThat(report.get("updated")).isEqualTo(0);
        assertThat(report.get("retired")).isEqualTo(0);
        assertThat((List<?>) report.get("rejected")).isEmpty();
        assertThat(report.get("unknownFields").toString()).contains("Điện");

        awaitTopic(POWER, 200);
        Map<?, ?> topic = json.readValue(get("/api/v1/topics/" + POWER).body(), Map.class);
        assertThat(topic.get("title")).isEqualTo("Thay đổi chủ thể hợp đồng mua bán điện");
        assertThat(topic.get("field")).as("unknown field names go to dvc-chung").isEqualTo("dvc-chung");
        // A curated topic names 1.012786 in procedure_codes: it answers, and the catalogue row stays out.
        assertThat(get("/api/v1/topics/tthc-1-012786").getStatus().getCode()).isEqualTo(404);

        // Re-import: one row changed, one new, two rejected; every other row is retired.
        String next = HEADER
                + ",Thay đổi chủ thể hợp đồng mua bán điện,Điện,,Công ty điện lực,,,,,https://example.gov.vn/thu-tuc/dien\n"
                + "9.999001,Cấp giấy phép thử nghiệm,Xây dựng,Cấp tỉnh,Sở Xây dựng,,,toàn trình,,\n"
                + "1.2.x,Mã sai,Hộ tịch,,,,,,,\n"
                + "9.999002,Thủ tục có mức sai,Hộ tịch,,,,,trực tuyến 100%,,\n";
        Map<?, ?> second = ok(upload("lan-2.csv", next.getBytes(StandardCharsets.UTF_8)));
        assertThat(second.get("imported")).isEqualTo(1);
        assertThat(second.get("updated")).isEqualTo(1);
        assertThat(second.get("retired")).isEqualTo(40);
        List<?> rejected = (List<?>) second.get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(((Map<?, ?>) rejected.get(0)).get("row")).isEqualTo(4);
        assertThat(((Map<?, ?>) rejected.get(0)).get("message").toString()).contains("mã thủ tục \"1.2.x\"");
        assertThat(((Map<?, ?>) rejected.get(1)).get("message").toString()).contains("mức độ trực tuyến");
        awaitTopic("tthc-9-999001", 200);
        assertThat(json.readValue(get("/api/v1/topics/tthc-9-999001").body(), Map.class).get("officialUrl"))
                .as("no link is built from a code").isNull();
        assertThat(json.readValue(get("/api/v1/topics/" + POWER).body(), Map.class).get("officialUrl"))
                .isEqualTo("https://example.gov.vn/thu-tuc/dien");

        // Refused whole: nothing changes.
        assertRefused(upload("sai.csv", "Mã,Tên\n1.1,Thủ tục\n".getBytes(StandardCharsets.UTF_8)), "thiếu cột");
        assertRefused(upload("cong-thuc.csv", (HEADER + "9.1,=1+1,,,,,,,,\n").getBytes(StandardCharsets.UTF_8)), "công thức");
        assertRefused(upload("danh-muc.xlsm", new byte[] {'P', 'K', 3, 4}), "macro");
        assertRefused(upload("anh.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}), ".xlsx");
        assertThat(get("/api/v1/topics/" + POWER).getStatus().getCode()).isEqualTo(200);
        assertThat(get("/api/v1/topics/tthc-9-999001").getStatus().getCode()).isEqualTo(200);

        // The synthetic catalogue of a province's size.
        Map<?, ?> synthetic = ok(upload("tong-hop.csv", SyntheticCatalogue.csv(2000, 16).getBytes(StandardCharsets.UTF_8)));
        assertThat(synthetic.get("imported")).isEqualTo(2000);
        assertThat(synthetic.get("retired")).isEqualTo(2);
    }

    @Test
    void theTemplateHasTheHeadersAndOnlyStaffMayUpload() {
        HttpResponse<String> template = StaffSession.send(client, HttpRequest.GET("/api/v1/admin/catalogue/mau.csv").cookie(editor));
        assertThat(template.body()).startsWith("\uFEFFMã thủ tục,Tên thủ tục,Lĩnh vực");
        assertThat(StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/catalogue",
                body("a.csv", new byte[] {'x'})).contentType(MediaType.MULTIPART_FORM_DATA_TYPE))).getStatus().getCode())
                .isEqualTo(401);
    }

    private void assertRefused(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("error")).isEqualTo("invalid_catalogue");
        assertThat(body.get("message").toString()).contains(reason);
    }

    private Map<?, ?> ok(HttpResponse<String> response) throws Exception {
        assertThat(response.getStatus().getCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    private HttpResponse<String> upload(String name, byte[] bytes) {
        // A multipart post is a form: sent from the service's own page, as a browser does.
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/catalogue", body(name, bytes))
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(editor)));
    }

    private static MultipartBody body(String name, byte[] bytes) {
        return MultipartBody.builder().addPart("file", name, MediaType.TEXT_PLAIN_TYPE, bytes).build();
    }

    private HttpResponse<String> get(String path) {
        return StaffSession.send(client, HttpRequest.GET(path));
    }

    /** The reload runs in the background; under a loaded machine the index build may take a while. */
    private void awaitTopic(String id, int status) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (get("/api/v1/topics/" + id).getStatus().getCode() != status) {
            assertThat(System.nanoTime()).as(id + " answers " + status).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
