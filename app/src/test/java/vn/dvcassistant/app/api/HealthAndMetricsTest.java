package vn.dvcassistant.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class HealthAndMetricsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsDatabaseAndKnowledgeBase() {
        Map<String, Object> health;
        try {
            health = client.toBlocking().retrieve("/health", Map.class);
        } catch (HttpClientResponseException e) {
            // 503 while the knowledge base is empty; the body still names every component.
            health = e.getResponse().getBody(Map.class).orElseThrow();
        }
        Map<String, Object> details = (Map<String, Object>) health.get("details");
        assertThat(details).containsKeys("jdbc", "knowledgeBase");
        assertThat(((Map<String, Object>) details.get("jdbc")).get("status")).isEqualTo("UP");
        assertThat(((Map<String, Object>) ((Map<String, Object>) details.get("knowledgeBase")).get("details")))
                .containsKeys("topics", "loadedAt");
    }

    @Test
    void prometheusExposesAnswerLatencyAndCountsByKind() {
        client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat", Map.of("sessionId", "metrics", "text", "xin chào"))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        String metrics = client.toBlocking().retrieve("/prometheus");
        assertThat(metrics).contains("dvc_answer_latency_seconds_bucket{kind=\"smalltalk\"");
        assertThat(metrics).contains("dvc_answers_total{channel=\"web\",kind=\"smalltalk\"");
    }
}
