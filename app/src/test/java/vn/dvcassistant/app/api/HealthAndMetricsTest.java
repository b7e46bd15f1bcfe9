package vn.dvcassistant.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class HealthAndMetricsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    StaffAccounts accounts;

    @Inject
    EmbeddedServer server;

    @Test
    @SuppressWarnings("unchecked")
    void anonymousHealthShowsOnlyUpOrDownPerComponent() {
        Map<String, Object> health = health(HttpRequest.GET("/health"));
        assertThat(health.toString()).doesNotContain("jdbc:postgresql", "postgres", "loadedAt");
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).containsKeys("jdbc", "knowledgeBase");
        assertThat((Map<String, Object>) details.get("jdbc")).containsOnlyKeys("status").containsEntry("status", "UP");
        assertThat((Map<String, Object>) details.get("knowledgeBase")).containsOnlyKeys("status");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminsSeeTheHealthDetails() {
        String admin = StaffSession.newUser(accounts, Roles.ADMIN, null);
        Cookie session;
        try (HttpClient noRedirects = StaffSession.client(server)) {
            session = StaffSession.login(noRedirects, admin, StaffSession.PASSWORD).orElseThrow();
        }
        Map<String, Object> details = (Map<String, Object>) health(HttpRequest.GET("/health").cookie(session)).get("details");
        assertThat(((Map<String, Object>) details.get("jdbc")).get("status")).isEqualTo("UP");
        assertThat(((Map<String, Object>) ((Map<String, Object>) details.get("knowledgeBase")).get("details")))
                .containsKeys("topics", "loadedAt");
    }

    /** Management endpoints that expose internals are not served at all (/beans even answered 500). */
    @Test
    void internalManagementEndpointsAreOff() {
        for (String path : new String[]{"/routes", "/threaddump", "/beans", "/env", "/loggers", "/info", "/refresh"}) {
            assertThat(StaffSession.send(client, HttpRequest.GET(path)).getStatus().getCode()).as(path).isEqualTo(404);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> health(HttpRequest<?> request) {
        try {
            return client.toBlocking().retrieve(request, Map.class);
        } catch (HttpClientResponseException e) {
            // 503 while the knowledge base is empty; the body still names every component.
            return e.getResponse().getBody(Map.class).orElseThrow();
        }
    }

    @Test
    void prometheusIsNotPublic() {
        assertThatThrownBy(() -> client.toBlocking().retrieve("/prometheus"))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        String editor = StaffSession.newUser(accounts, Roles.EDITOR, null);
        assertThatThrownBy(() -> client.toBlocking().retrieve(HttpRequest.GET("/prometheus")
                .basicAuth(editor, StaffSession.PASSWORD)))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
    }

    @Test
    void prometheusExposesAnswerLatencyAndCountsByKind() {
        String admin = StaffSession.newUser(accounts, Roles.ADMIN, null);
        String before = client.toBlocking().retrieve(HttpRequest.GET("/prometheus").basicAuth(admin, StaffSession.PASSWORD));
        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat", Map.of("sessionId", "metrics", "text", "xin chào"))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        String metrics = client.toBlocking().retrieve(HttpRequest.GET("/prometheus")
                .basicAuth(admin, StaffSession.PASSWORD));
        String answers = "dvc_answers_total\\{channel=\"web\",kind=\"smalltalk\",?}";
        String timed = "dvc_answer_latency_seconds_count\\{kind=\"smalltalk\",?}";
        assertThat(value(metrics, answers)).isEqualTo(value(before, answers) + 1);
        assertThat(value(metrics, timed)).isEqualTo(value(before, timed) + 1);
        assertThat(metrics).contains("dvc_answer_latency_seconds_bucket{kind=\"smalltalk\"");
        assertThat(metrics).contains("dvc_answers_total{channel=\"telegram\",kind=\"answer\"");
    }

    private static double value(String prometheus, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(prometheus);
        assertThat(m.find()).as(series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
