package vn.dvcassistant.app.knowledge;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
class TopicEndpointsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    KnowledgeBase knowledgeBase;

    @Test
    void topicsListsEveryEntryWithFieldAndOnlineLevel() {
        List<Map<String, Object>> topics = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/topics"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(topics).hasSize(knowledgeBase.topics().size());
        assertThat(topics).anySatisfy(t -> assertThat(t)
                .containsEntry("id", "dang-ky-khai-sinh").containsEntry("field", "ho-tich").containsKeys("title", "online"));
    }

    @Test
    void oneTopicIsTheWholeEntry() {
        Map<?, ?> topic = client.toBlocking().retrieve("/api/v1/topics/dang-ky-khai-sinh", Map.class);
        var entry = knowledgeBase.topic("dang-ky-khai-sinh").orElseThrow();
        assertThat(topic.get("title")).isEqualTo(entry.title());
        assertThat(topic.get("summary")).isEqualTo(entry.summary());
        assertThat(topic.get("officialUrl")).isEqualTo(entry.officialUrl());
        assertThat((List<?>) topic.get("steps")).hasSize(entry.steps().size());
    }

    @Test
    void unknownTopicIs404WithErrorJson() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/topics/khong-co-chu-de-nay"),
                        Argument.of(Map.class), Argument.of(Map.class)));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        assertThat(e.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "unknown_topic");
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchReturnsHitsWithConfidence() {
        Map<String, Object> result = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/search?q=" + java.net.URLEncoder.encode("làm căn cước", java.nio.charset.StandardCharsets.UTF_8)),
                Map.class);
        List<Map<String, Object>> hits = (List<Map<String, Object>>) result.get("hits");
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0)).containsEntry("id", "the-can-cuoc");
        assertThat(((Number) hits.get(0).get("confidence")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(result.get("outcome")).isIn("answer", "clarify", "fallback");
    }
}
