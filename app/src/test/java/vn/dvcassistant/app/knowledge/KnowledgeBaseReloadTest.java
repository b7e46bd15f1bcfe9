package vn.dvcassistant.app.knowledge;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An editor changes a file under DVC_KB_DIR; an admin reloads; citizens get the new text at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeBaseReloadTest implements TestPropertyProvider {

    private static final String ENTRY = "ho-tich/dang-ky-khai-sinh.yml";

    private Path content;

    @Inject
    EmbeddedServer server;

    private HttpClient client;

    @Inject
    StaffAccounts accounts;

    @Inject
    ObjectMapper json;

    @Override
    public Map<String, String> getProperties() {
        content = copyOfContent();
        return Map.of("dvc.knowledge-base.dir", content.toString());
    }

    @BeforeAll
    void client() {
        // Not following redirects: the login's session cookie comes with its redirect.
        client = StaffSession.client(server);
    }

    @AfterAll
    void close() {
        client.close();
    }

    @Test
    void anAdminReloadsEditedContentAndBrokenContentIsRefusedWhileTheOldIsServed() throws IOException {
        Path entry = content.resolve(ENTRY);
        String original = Files.readString(entry);
        Files.writeString(entry, original.replace("title: Đăng ký khai sinh", "title: Đăng ký khai sinh cho trẻ em"));

        assertThat(StaffSession.send(client, reload(null)).getStatus().getCode()).isEqualTo(401);
        Cookie editor = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        assertThat(StaffSession.send(client, reload(editor)).getStatus().getCode()).isEqualTo(403);
        assertThat(title()).isEqualTo("Đăng ký khai sinh");

        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        HttpResponse<String> done = StaffSession.send(client, reload(admin));
        assertThat(done.getStatus().getCode()).isEqualTo(200);
        assertThat(json.readValue(done.body(), Map.class)).containsEntry("reloaded", true);
        assertThat(title()).isEqualTo("Đăng ký khai sinh cho trẻ em");

        Files.writeString(entry, original.replace("field: ho-tich", "field: khong-co-linh-vuc-nay"));
        Map<?, ?> refused = json.readValue(StaffSession.send(client, reload(admin)).body(), Map.class);
        assertThat(refused.get("reloaded")).isEqualTo(false);
        assertThat(refused.get("problems").toString()).contains("dang-ky-khai-sinh");
        assertThat(title()).isEqualTo("Đăng ký khai sinh cho trẻ em");
    }

    private String title() {
        return (String) client.toBlocking().retrieve("/api/v1/topics/dang-ky-khai-sinh", Map.class).get("title");
    }

    private static HttpRequest<?> reload(Cookie session) {
        var request = HttpRequest.POST("/api/v1/admin/knowledge-base/reload", Map.of())
                .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
        return session == null ? request : request.cookie(session);
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
