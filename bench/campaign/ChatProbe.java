import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Chat latency while something else runs: POST /api/v1/chat at a fixed rate (one question at a time per
 * slot, each a new session so the per-session limit does not apply) for a duration; prints p50/p90/p99.
 * Usage: java ChatProbe.java URL RATE SECONDS LABEL
 */
public class ChatProbe {
    private static final String[] QUESTIONS = {"đăng ký khai sinh cần giấy tờ gì", "lệ phí đăng ký kết hôn",
            "làm căn cước cho trẻ em", "đăng ký thường trú online", "cấp lại giấy phép lái xe"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Long> micros = new ArrayList<>();
        int errors = 0;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String body = "{\"sessionId\":\"probe-" + UUID.randomUUID() + "\",\"text\":\"" + QUESTIONS[i % QUESTIONS.length] + "\"}";
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Measured from when the request was due, so a stalled server is not hidden by a late start.
            micros.add((System.nanoTime() - Math.min(sent, Math.max(due, start))) / 1000);
            if (response.statusCode() != 200) {
                errors++;
            }
        }
        Collections.sort(micros);
        System.out.printf("%s requests=%d errors=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f%n", args[3], micros.size(), errors,
                at(micros, 0.50), at(micros, 0.90), at(micros, 0.99));
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
    }
}
