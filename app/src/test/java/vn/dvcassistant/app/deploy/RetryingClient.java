package vn.dvcassistant.app.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client as the chat page or an app behaves: a request whose connection broke, or that the balancer or a
 * stopping instance answered 502/503/504 (or 409 {@code request_in_progress}), is sent again with the same
 * {@code Idempotency-Key} until it gets a final answer or its deadline passes.
 */
final class RetryingClient {

    record Answer(int status, String body, int attempts) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String baseUrl;
    private final Duration deadline;
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger brokenConnections = new AtomicInteger();

    RetryingClient(String baseUrl, Duration deadline) {
        this.baseUrl = baseUrl;
        this.deadline = deadline;
    }

    Answer post(String path, String json, String idempotencyKey) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        int attempts = 0;
        Answer last = new Answer(0, "", 0);
        while (System.nanoTime() < until) {
            attempts++;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            long waitMillis;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                last = new Answer(response.statusCode(), response.body(), attempts);
                if (!retryable(response)) {
                    return last;
                }
                waitMillis = 1000L * response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L);
            } catch (IOException e) {
                brokenConnections.incrementAndGet();
                waitMillis = 0;
            }
            retries.incrementAndGet();
            Thread.sleep(Math.min(Math.max(waitMillis, 200), 2000));
        }
        return new Answer(last.status(), last.body(), attempts);
    }

    private static boolean retryable(HttpResponse<String> response) {
        int status = response.statusCode();
        return status == 502 || status == 503 || status == 504
                || (status == 409 && response.body().contains("request_in_progress"));
    }
}
