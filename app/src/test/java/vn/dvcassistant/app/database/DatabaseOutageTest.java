package vn.dvcassistant.app.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcassistant.app.channel.FakeApiServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * While PostgreSQL is down nothing can be stored, so nothing is acknowledged: clients, load balancers and
 * Telegram's webhook retries are told the service is unavailable for a moment (503 with Retry-After), not
 * that it is broken (500). A Telegram or Zalo message was already acknowledged to the platform, so the
 * citizen is told in the chat instead.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void whileTheDatabaseIsDownTheChatAnswers503WithRetryAfterAndAVietnameseMessage() {
        Path postgres = dataDir.resolve("postgres");
        Map<String, Object> config = new HashMap<>(OwnEmbeddedDatabase.properties(postgres));
        config.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(client.toBlocking().exchange(chat("đăng ký kết hôn")).getStatus().getCode()).isEqualTo(200);

            OwnEmbeddedDatabase.stop(postgres);

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

    /**
     * A server that stops answering (a network partition, a frozen host) must not hold a request, and the
     * pooled connection it sits on, for ever: the driver gives up after the socket timeout.
     */
    @Test
    void whileTheDatabaseHangsTheChatAnswers503AfterTheSocketTimeout() {
        Path postgres = dataDir.resolve("postgres");
        Map<String, Object> config = new HashMap<>(OwnEmbeddedDatabase.properties(postgres));
        config.put("micronaut.server.port", -1);
        config.put("DVC_DB_SOCKET_TIMEOUT", "2");
        DefaultHttpClientConfiguration patientClient = new DefaultHttpClientConfiguration();
        patientClient.setReadTimeout(Duration.ofSeconds(20));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL(), patientClient)) {
            assertThat(client.toBlocking().exchange(chat("đăng ký kết hôn")).getStatus().getCode()).isEqualTo(200);
            OwnEmbeddedDatabase.signal(postgres, "STOP");
            try {
                // Without the timeout the client's own 20 s read timeout ends the wait instead: a different exception.
                assertThatThrownBy(() -> client.toBlocking().exchange(chat("đăng ký khai sinh"), Map.class))
                        .isInstanceOfSatisfying(HttpClientResponseException.class,
                                e -> assertThat(e.getStatus().getCode()).isEqualTo(503));
            } finally {
                OwnEmbeddedDatabase.signal(postgres, "CONT");
            }
        }
    }

    @Test
    void aTelegramMessageThatArrivesWhileTheDatabaseIsDownIsAnsweredWithTryAgainLater() {
        String token = "123456789:AAE-outage_token";
        String send = "/bot" + token + "/sendmessage";
        Path postgres = dataDir.resolve("postgres");
        try (FakeApiServer botApi = new FakeApiServer()) {
            botApi.on(send, new FakeApiServer.Response(200, """
                    {"ok":true,"result":{"message_id":9,"date":1763800000,"chat":{"id":1,"type":"private"},"text":"x"}}"""));
            Map<String, Object> config = new HashMap<>(FakeApiServer.freePortProperties());
            config.putAll(OwnEmbeddedDatabase.properties(postgres));
            config.putAll(Map.of(
                    "channels.telegram.bot-token", token,
                    "channels.telegram.webhook-secret", "outage-secret",
                    "channels.telegram.api-url", botApi.baseUrl()));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
                 HttpClient client = HttpClient.create(server.getURL())) {
                OwnEmbeddedDatabase.stop(postgres);
                long chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
                String update = """
                        {"update_id":%d,"message":{"message_id":1,"date":1763800000,
                         "from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                         "chat":{"id":%d,"first_name":"Lan","type":"private"},"text":"đăng ký khai sinh"}}"""
                        .formatted(ThreadLocalRandom.current().nextLong(1, 900_000_000), chat, chat);

                HttpResponse<?> accepted = client.toBlocking().exchange(HttpRequest.POST("/webhooks/telegram", update)
                        .contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header("X-Telegram-Bot-Api-Secret-Token", "outage-secret"));

                assertThat(accepted.getStatus().getCode()).isEqualTo(200);
                List<FakeApiServer.Request> sent = botApi.await(send,
                        r -> r.body().contains("\"chat_id\":\"" + chat + "\""), 1);
                assertThat(sent.get(0).body()).contains("tạm gián đoạn").contains("thử lại");
            }
        }
    }

    private static HttpRequest<?> chat(String text) {
        return HttpRequest.POST("/api/v1/chat", Map.of("sessionId", UUID.randomUUID().toString(), "text", text))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
