import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-arrival-rate load on the Telegram webhook: updates leave on schedule whatever the server does,
 * and each latency counts from when the update was due (no coordinated omission). Every update has its
 * own update_id, so none is dropped as a redelivery. JDK only:
 * {@code java WebhookLoad.java --url http://127.0.0.1:8080/webhooks/telegram --secret S --rate 200 --duration 30}.
 * Written for this benchmark because bench/load/FixedRateLoad.java (branch web) sends neither headers nor
 * numeric ids.
 */
public final class WebhookLoad {

    private static final List<String> QUESTIONS = List.of(
            "Làm căn cước cần giấy tờ gì?", "lệ phí đăng ký kết hôn", "đăng ký khai sinh cho con ở đâu",
            "cấp lại hộ chiếu mất bao lâu", "tài khoản VNeID mức 2 đăng ký thế nào", "tra cứu hồ sơ dịch vụ công",
            "xin chào", "đăng ký thường trú cần gì", "cấp đổi giấy phép lái xe online được không",
            "thủ tục đăng ký hộ kinh doanh");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/webhooks/telegram"));
        String secret = options.getOrDefault("secret", "bench-secret");
        double rate = Double.parseDouble(options.getOrDefault("rate", "200"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "8"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        double duration = Double.parseDouble(options.getOrDefault("duration", "30"));
        int chats = Integer.parseInt(options.getOrDefault("chats", "2000"));
        // text: questions the engine answers; sticker: only the short "text only" reply, a light background
        boolean stickers = "sticker".equals(options.getOrDefault("kind", "text"));
        long firstUpdateId = Long.parseLong(options.getOrDefault("first-update-id",
                // Telegram's update_id fits a signed 32-bit integer (the client library parses it as one).
                String.valueOf(100_000_000L + System.currentTimeMillis() % 1_000_000_000L)));

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        double interval = 1e9 * connections / rate;
        Worker[] workers = new Worker[connections];
        for (int i = 0; i < connections; i++) {
            workers[i] = new Worker(url, secret, stickers, i, connections, chats, firstUpdateId,
                    start + (long) (interval * i / connections), interval, measureFrom, end,
                    (int) Math.ceil((warmup + duration) * rate / connections) + 16);
            workers[i].start();
        }
        for (Worker worker : workers) {
            worker.join();
        }
        long[] all = Arrays.stream(workers).flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).toArray();
        Arrays.sort(all);
        long sent = Arrays.stream(workers).mapToLong(w -> w.sent).sum();
        long non2xx = Arrays.stream(workers).mapToLong(w -> w.non2xx).sum();
        long errors = Arrays.stream(workers).mapToLong(w -> w.errors).sum();
        System.out.printf(Locale.ROOT, "updates_sent=%d measured=%d achieved_rps=%.1f non2xx=%d socket_errors=%d "
                        + "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                sent, all.length, all.length / duration, non2xx, errors, ms(pct(all, 50)), ms(pct(all, 90)),
                ms(pct(all, 99)), ms(pct(all, 99.9)), ms(all.length == 0 ? 0 : all[all.length - 1]));
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static final class Worker extends Thread {
        private final URI url;
        private final String secret;
        private final boolean stickers;
        private final int index;
        private final int connections;
        private final int chats;
        private final long firstUpdateId;
        private final long firstDue;
        private final double interval;
        private final long measureFrom;
        private final long end;
        final long[] latencies;
        int count;
        long sent;
        long non2xx;
        long errors;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(URI url, String secret, boolean stickers, int index, int connections, int chats, long firstUpdateId, long firstDue,
               double interval, long measureFrom, long end, int capacity) {
            super("webhook-load-" + index);
            this.url = url;
            this.secret = secret;
            this.stickers = stickers;
            this.index = index;
            this.connections = connections;
            this.chats = chats;
            this.firstUpdateId = firstUpdateId;
            this.firstDue = firstDue;
            this.interval = interval;
            this.measureFrom = measureFrom;
            this.end = end;
            this.latencies = new long[capacity];
        }

        @Override
        public void run() {
            for (long n = 0; ; n++) {
                long due = firstDue + (long) (n * interval);
                if (due >= end) {
                    break;
                }
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sequence = n * connections + index;
                try {
                    int status = exchange(request(sequence));
                    sent++;
                    long latency = System.nanoTime() - due;
                    if (due >= measureFrom) {
                        if (status / 100 != 2) {
                            non2xx++;
                        }
                        if (count < latencies.length) {
                            latencies[count++] = latency;
                        }
                    }
                } catch (IOException e) {
                    if (due >= measureFrom) {
                        errors++;
                    }
                    close();
                }
            }
            close();
        }

        private byte[] request(long sequence) {
            long chat = 7_000_000_000L + sequence % chats;
            String text = QUESTIONS.get((int) (sequence % QUESTIONS.size()));
            String body = "{\"update_id\":" + (firstUpdateId + sequence) + ",\"message\":{\"message_id\":" + sequence
                    + ",\"date\":1763800000,\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Lan\"},"
                    + "\"chat\":{\"id\":" + chat + ",\"first_name\":\"Lan\",\"type\":\"private\"},"
                    + (stickers
                    ? "\"sticker\":{\"file_id\":\"CAAC\",\"file_unique_id\":\"AgAD\",\"type\":\"regular\",\"width\":512,"
                    + "\"height\":512,\"is_animated\":false,\"is_video\":false}}}"
                    : "\"text\":\"" + text + "\"}}");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: " + secret
                    + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + bytes.length);
            System.arraycopy(bytes, 0, request, head.length, bytes.length);
            return request;
        }

        private int exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2000);
                socket.setSoTimeout(10_000);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long length = 0;
            boolean close = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            for (long i = 0; i < length; i++) {
                if (in.read() < 0) {
                    throw new IOException("connection closed mid-body");
                }
            }
            if (close) {
                close();
            }
            return status;
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
            socket = null;
        }
    }

    private WebhookLoad() {
    }
}
