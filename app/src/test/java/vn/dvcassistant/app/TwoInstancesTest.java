package vn.dvcassistant.app;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.conversation.ChatClient;
import vn.dvcassistant.app.security.StaffSession;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, as behind a load balancer that sends each request to either:
 * a conversation goes on whichever instance answers, and a client spreading its requests over both gets no
 * more than one allowance (the limits are counted in PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private EmbeddedServer a;
    private EmbeddedServer b;
    private HttpClient toA;
    private HttpClient toB;

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> properties = Map.of("dvc.rate-limit.enabled", true, "dvc.rate-limit.shared", true,
                "dvc.rate-limit.per-session-per-minute", 4, "dvc.rate-limit.per-ip-per-minute", 1000,
                "dvc.security.login-attempts-per-minute", 3);
        a = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        b = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        toA = HttpClient.create(new URL("http://127.0.0.1:" + a.getPort()));
        toB = HttpClient.create(new URL("http://127.0.0.1:" + b.getPort()));
    }

    @AfterAll
    void stop() {
        toA.close();
        toB.close();
        a.close();
        b.close();
    }

    @Test
    void aConversationStartedOnOneInstanceGoesOnOnTheOther() {
        String session = "both-" + UUID.randomUUID();
        Map<String, Object> first = new ChatClient(toA).say(session, "đăng ký kết hôn");
        assertThat(ChatClient.list(first, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");
        Map<String, Object> fee = new ChatClient(toB).say(session, "lệ phí bao nhiêu?");
        assertThat(ChatClient.list(fee, "sources").get(0)).as("the other instance knows the topic")
                .containsEntry("id", "dang-ky-ket-hon");
        Map<String, Object> consent = new ChatClient(toA).say(session, "đồng ý");
        assertThat(consent.get("answer").toString()).contains("Cảm ơn bạn đã đồng ý");
    }

    @Test
    void aChatSessionsAllowanceIsSharedByBothInstances() {
        String session = "shared-" + UUID.randomUUID();
        for (HttpClient client : List.of(toA, toB, toA, toB)) {
            assertThat(chat(client, session).getStatus().getCode()).isEqualTo(200);
        }
        // Each instance has seen two requests of the four allowed, but together they have seen four.
        HttpResponse<String> refused = chat(toA, session);
        assertThat(refused.getStatus().getCode()).isEqualTo(429);
        assertThat(refused.getHeaders().get("Retry-After")).isNotBlank();
        assertThat(chat(toB, session).getStatus().getCode()).isEqualTo(429);
        assertThat(chat(toB, "other-" + UUID.randomUUID()).getStatus().getCode())
                .as("another session has its own allowance").isEqualTo(200);
    }

    @Test
    void loginAttemptsFromOneAddressAreCountedAcrossBothInstances() {
        String account = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(login(toA, a, account).getStatus().getCode()).isNotEqualTo(429);
        assertThat(login(toB, b, account).getStatus().getCode()).isNotEqualTo(429);
        assertThat(login(toA, a, account).getStatus().getCode()).isNotEqualTo(429);
        HttpResponse<String> fourth = login(toB, b, account);
        assertThat(fourth.getStatus().getCode()).as("three a minute from this address, on either").isEqualTo(429);
        assertThat(fourth.getHeaders().get("Retry-After")).isNotBlank();
    }

    private static HttpResponse<String> chat(HttpClient client, String session) {
        return StaffSession.send(client, HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", session, "text", "đăng ký khai sinh")));
    }

    private static HttpResponse<String> login(HttpClient client, EmbeddedServer server, String account) {
        return StaffSession.send(client, HttpRequest.POST("/login", "username=" + account + "&password=wrong-password")
                .contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://127.0.0.1:" + server.getPort()));
    }
}
