import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak load: a fixed arrival rate of mixed requests (chat 55%, answer ratings 15%, satisfaction ratings 15%,
 * comments 15%; a rating drawn before there is an answer or an offered chat to rate is sent as a chat) for a fixed time, whatever the server does; latency counted from when each request was due.
 * Every rating and comment carries a marker of its own (letters only: the service masks digit runs), and the
 * markers of those acknowledged with 2xx are written to {@code --acked}, for the check against the database.
 * One line per request goes to {@code --log}: due offset (ms), kind, status, latency (ms), Retry-After present.
 *
 * <p>Run: {@code java SoakLoad.java --url http://127.0.0.1:8080 --rate 20 --duration 1800 --log l.tsv --acked a.tsv}
 */
public final class SoakLoad {

    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String[] QUESTIONS = {"đăng ký khai sinh cần giấy tờ gì", "lệ phí đăng ký kết hôn",
            "cấp lại thẻ căn cước ở đâu", "tra cứu hồ sơ đã nộp", "làm sao tạo tài khoản VNeID",
            "xin chào", "đăng ký thường trú cần gì", "nộp hồ sơ trực tuyến thế nào"};
    private static final String[] LEVELS = {"rat_hai_long", "hai_long", "khong_hai_long"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = o.getOrDefault("url", "http://127.0.0.1:8080");
        double rate = Double.parseDouble(o.getOrDefault("rate", "20"));
        long durationMs = (long) (Double.parseDouble(o.getOrDefault("duration", "1800")) * 1000);
        String runId = randomLetters(new Random(), 6);
        Path logPath = Path.of(o.getOrDefault("log", "soak-requests.tsv"));
        Path ackedPath = Path.of(o.getOrDefault("acked", "soak-acked.tsv"));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> acked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> messageIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> offeredSessions = new ConcurrentLinkedQueue<>();
        AtomicInteger seq = new AtomicInteger();
        long total = (long) (durationMs / 1000.0 * rate);
        CountDownLatch done = new CountDownLatch((int) total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime() + 200_000_000L;
        // Wall-clock time of offset 0, so the script can place the database outage on the same axis.
        Files.writeString(Path.of(o.getOrDefault("start-file", "soak-start.txt")),
                Long.toString(System.currentTimeMillis() + 200));
        Random random = new Random(42);
        for (long i = 0; i < total; i++) {
            long dueNanos = start + (long) (i * 1e9 / rate);
            double pick = random.nextDouble();
            clock.schedule(() -> fire(client, base, runId, pick, seq.incrementAndGet(), dueNanos, start, messageIds,
                    offeredSessions, log, acked, done), dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await(durationMs + 120_000, TimeUnit.MILLISECONDS);
        clock.shutdownNow();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(logPath, StandardCharsets.UTF_8))) {
            log.forEach(out::println);
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(ackedPath, StandardCharsets.UTF_8))) {
            acked.forEach(out::println);
        }
        System.out.println("run=" + runId + " requests=" + log.size() + " acknowledged_records=" + acked.size());
        System.exit(0);
    }

    private static void fire(HttpClient client, String base, String runId, double pick, int n, long dueNanos,
                             long start, ConcurrentLinkedQueue<String> messageIds,
                             ConcurrentLinkedQueue<String> offeredSessions, ConcurrentLinkedQueue<String> log,
                             ConcurrentLinkedQueue<String> acked, CountDownLatch done) {
        Random random = new Random(n);
        String kind;
        String path;
        String body;
        String marker = null;
        String offeredSession = null;
        // One rating per answer (the table's key): each answer is rated once, by the first rating drawn after it.
        String messageId = pick >= 0.55 && pick < 0.70 ? messageIds.poll() : null;
        // A web satisfaction rating must come from a chat that was offered the procedure, once per chat.
        if (pick >= 0.70 && pick < 0.85) {
            offeredSession = offeredSessions.poll();
        }
        if (pick < 0.55 || (pick < 0.70 && messageId == null) || (pick >= 0.70 && pick < 0.85 && offeredSession == null)) {
            kind = "chat";
            path = "/api/v1/chat";
            // Every fourth chat opens a new conversation about birth registration, which offers its rating.
            String session = n % 4 == 0 ? "soak-" + runId + "-ks-" + n : "soak-" + runId + "-" + random.nextInt(500);
            String text = session.contains("-ks-") ? "đăng ký khai sinh cần gì" : QUESTIONS[random.nextInt(QUESTIONS.length)];
            body = json("sessionId", session, "text", text);
            if (session.contains("-ks-")) {
                offeredSession = session;
            }
        } else if (pick < 0.70) {
            kind = "answer_rating";
            marker = "soak " + runId + " " + randomLetters(random, 12);
            path = "/api/v1/feedback";
            body = "{\"messageId\":\"" + messageId + "\",\"helpful\":false,\"comment\":\"" + marker + "\"}";
        } else if (pick < 0.85) {
            kind = "satisfaction";
            marker = "soak " + runId + " " + randomLetters(random, 12);
            path = "/api/v1/satisfaction";
            body = json("topicId", "dang-ky-khai-sinh", "level", LEVELS[random.nextInt(3)], "channel", "web",
                    "sessionId", offeredSession, "comment", marker);
        } else {
            kind = "comment";
            marker = "soak " + runId + " " + randomLetters(random, 12);
            path = "/api/v1/comments";
            body = json("text", "Góp ý thử tải " + marker, "field", "ho-tich", "channel", "web");
        }
        String finalMarker = marker;
        String newOffer = "chat".equals(kind) ? offeredSession : null;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (marker != null) {
            // As the chat page does: a key per record, so a retried request is counted once.
            builder.header("Idempotency-Key", runId + "-" + n);
        }
        HttpRequest request = builder
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long latencyMs = (System.nanoTime() - dueNanos) / 1_000_000;
            long dueMs = (dueNanos - start) / 1_000_000;
            int status = failure != null ? 0 : response.statusCode();
            boolean retryAfter = failure == null && response.headers().firstValue("Retry-After").isPresent();
            log.add(dueMs + "\t" + kind + "\t" + status + "\t" + latencyMs + "\t" + retryAfter);
            if (status >= 200 && status < 300) {
                if (finalMarker != null) {
                    acked.add(kind + "\t" + finalMarker);
                } else {
                    if (newOffer != null && offeredSessions.size() < 5000) {
                        offeredSessions.add(newOffer);
                    }
                    Matcher m = MESSAGE_ID.matcher(response.body());
                    if (m.find() && messageIds.size() < 5000) {
                        messageIds.add(m.group(1));
                    }
                }
            }
            done.countDown();
        });
    }

    private static String json(String... keyValues) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            s.append(i == 0 ? "" : ",").append('"').append(keyValues[i]).append("\":\"").append(keyValues[i + 1])
                    .append('"');
        }
        return s.append('}').toString();
    }

    private static String randomLetters(Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return s.toString();
    }
}
