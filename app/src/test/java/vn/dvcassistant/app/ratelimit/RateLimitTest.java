package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
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
import static org.junit.jupiter.api.Assertions.assertThrows;

@MicronautTest
@Property(name = "dvc.rate-limit.enabled", value = "true")
@Property(name = "dvc.rate-limit.per-session-per-minute", value = "3")
@Property(name = "dvc.rate-limit.per-ip-per-minute", value = "7")
class RateLimitTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aSessionSendingTooFastGets429WithRetryAfterThenTheIpLimitApplies() {
        for (int i = 0; i < 3; i++) {
            assertThat(chat("fast").getStatus().getCode()).isEqualTo(200);
        }
        assertRateLimited(() -> chat("fast"));

        // Another session from the same address has its own allowance, until the address has used its 7.
        for (int i = 0; i < 3; i++) {
            assertThat(chat("other-" + i).getStatus().getCode()).isEqualTo(200);
        }
        assertRateLimited(() -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/ping"),
                Argument.of(Map.class), Argument.of(Map.class)));

        // The public tracking page counts against the same allowance, so codes cannot be tried in bulk there,
        // and says so in a page a phone shows rather than in JSON.
        HttpClientResponseException page = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/gop-y/tra-cuu?ma=GY-2222AA"), String.class));
        assertThat(page.getStatus().getCode()).isEqualTo(429);
        assertThat(Long.parseLong(page.getResponse().header("Retry-After"))).isBetween(1L, 60L);
        assertThat(page.getResponse().getBody(String.class).orElseThrow()).contains("<html", "Bạn gửi quá nhanh");
    }

    private io.micronaut.http.HttpResponse<Map> chat(String session) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/chat",
                        Map.of("sessionId", session, "text", "xin chào")).contentType(MediaType.APPLICATION_JSON_TYPE),
                Argument.of(Map.class), Argument.of(Map.class));
    }

    private static void assertRateLimited(org.junit.jupiter.api.function.Executable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call);
        assertThat(e.getStatus().getCode()).isEqualTo(429);
        assertThat(Long.parseLong(e.getResponse().header("Retry-After"))).isBetween(1L, 60L);
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("error")).isEqualTo("rate_limited");
        assertThat((String) body.get("message")).isNotBlank();
    }
}
