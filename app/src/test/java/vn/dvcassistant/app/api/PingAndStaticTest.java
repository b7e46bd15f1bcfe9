package vn.dvcassistant.app.api;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class PingAndStaticTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void pingAnswersOk() {
        assertThat(client.toBlocking().retrieve("/api/v1/ping", Map.class)).containsEntry("status", "ok");
    }

    @Test
    void filesUnderPublicAreServedAtTheRoot() {
        assertThat(client.toBlocking().retrieve("/test-static/ok.txt")).contains("served from public/");
    }

    @Test
    void openApiDescriptionIsServed() {
        String yaml = client.toBlocking().retrieve("/openapi/dvc-assistant.yml");
        assertThat(yaml).contains("openapi:").contains("/api/v1/chat").contains("/api/v1/topics/{id}");
    }
}
