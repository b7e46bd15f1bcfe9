package vn.dvcassistant.app.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While PostgreSQL is down nothing can be stored, so nothing is acknowledged: clients, load balancers and
 * Telegram's webhook retries are told the service is unavailable for a moment (503 with Retry-After), not
 * that it is broken (500).
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void whileTheDatabaseIsDownTheChatAnswers503WithRetryAfterAndAVietnameseMessage() {
        Path postgres = dataDir.resolve("postgres");
        Map<String, Object> config = Map.of(
                "micronaut.server.port", -1,
                "dvc.embedded-db.temporary", false,
                "dvc.embedded-db.data-dir", postgres.toString(),
                "datasources.default.connection-timeout", 1000);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(client.toBlocking().exchange(chat("đăng ký kết hôn")).getStatus().getCode()).isEqualTo(200);

            EmbeddedPostgresServers.stop(postgres);

            assertThatThrownBy(() -> client.toBlocking().exchange(chat("đăng ký khai sinh"), Map.class))
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                        HttpResponse<?> response = e.getResponse();
                        assertThat(response.getStatus().getCode()).isEqualTo(503);
                        assertThat(response.header("Retry-After")).isNotBlank().containsOnlyDigits();
                        Map<?, ?> body = response.getBody(Map.class).orElseThrow();
                        assertThat(body.get("error")).isEqualTo("service_unavailable");
                        assertThat((String) body.get("message")).contains("thử lại").doesNotContain("error.");
                    });
            assertThatThrownBy(() -> client.toBlocking().exchange(HttpRequest.GET("/health")))
                    .isInstanceOfSatisfying(HttpClientResponseException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(503));
        }
    }

    private static HttpRequest<?> chat(String text) {
        return HttpRequest.POST("/api/v1/chat", Map.of("sessionId", UUID.randomUUID().toString(), "text", text))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
