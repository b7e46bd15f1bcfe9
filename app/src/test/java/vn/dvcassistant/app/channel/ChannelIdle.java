package vn.dvcassistant.app.channel;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.time.Duration;
import java.util.Map;

/**
 * Waits until a channel has dealt with every update it received (its health's {@code queued} is 0): the
 * event after which a message that was not sent will never be sent, so a test can assert its absence.
 */
public final class ChannelIdle {

    private ChannelIdle() {
    }

    @SuppressWarnings("unchecked")
    public static void await(HttpClient http, String channel) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<String, Object> health;
            try {
                health = http.toBlocking().retrieve("/health", Map.class);
            } catch (HttpClientResponseException e) {
                health = e.getResponse().getBody(Map.class).orElseThrow();
            }
            Map<String, Object> channels = (Map<String, Object>) ((Map<String, Object>) health.get("details"))
                    .get("channels");
            Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) channels.get("details"))
                    .get(channel);
            if (((Number) details.get("queued")).intValue() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(channel + " still has updates to answer after 10 s: " + details);
            }
            FakeApiServer.sleep(20);
        }
    }
}
