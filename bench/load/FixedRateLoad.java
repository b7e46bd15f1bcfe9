import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load generator: requests leave at a fixed arrival rate whatever the server does, and
 * each latency is measured from the moment the request was due, not from when it was sent. A slow
 * reply therefore counts against every request queued behind it (no coordinated omission), which is
 * what wrk2 does and plain wrk does not. Single file, JDK only: run with
 * {@code java FixedRateLoad.java --url ... --rate ...}.
 *
 * <p>HTTP/1.1 keep-alive over plain sockets, one thread per connection: the JDK HttpClient costs
 * more CPU per request than the server under test on a 2-core machine.
 */
public final class FixedRateLoad {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        URI url = URI.create(options.getOrDefault("url", "http://127.0.0.1:8080/api/v1/ping"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        double warmupSeconds = Double.parseDouble(options.getOrDefault("warmup", "3"));
        double durationSeconds = Double.parseDouble(options.getOrDefault("duration", "20"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "1000"));
        String sessionPrefix = options.getOrDefault("session-prefix", "load");
        List<String> bodies = options.containsKey("bodies")
                ? Files.readAllLines(Path.of(options.get("bodies")), StandardCharsets.UTF_8).stream()
                        .filter(line -> !line.isBlank()).toList()
                : List.of();

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (durationSeconds * 1e9);
        double intervalNanos = 1e9 * connections / rate;
        int expectedPerConnection = (int) Math.ceil(durationSeconds * rate / connections) + 16;

        Worker[] workers = new Worker[connections];
        for (int i = 0; i < connections; i++) {
            long offset = (long) (intervalNanos * i / connections);
            workers[i] = new Worker(url, bodies, sessions, sessionPrefix, i, connections,
                    start + offset, intervalNanos, measureFrom, end, expectedPerConnection);
            workers[i].start();
        }
        for (Worker worker : workers) {
            worker.join();
        }

        long[] all = Arrays.stream(workers).flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).toArray();
        Arrays.sort(all);
        long errors = Arrays.stream(workers).mapToLong(w -> w.errors).sum();
        long non2xx = Arrays.stream(workers).mapToLong(w -> w.non2xx).sum();
        System.out.printf(java.util.Locale.ROOT,
                "target_rps=%.1f connections=%d duration_s=%.1f completed=%d achieved_rps=%.1f "
                        + "non2xx=%d socket_errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                rate, connections, durationSeconds, all.length, all.length / durationSeconds, non2xx, errors,
                millis(percentile(all, 50)), millis(percentile(all, 90)), millis(percentile(all, 99)),
                millis(percentile(all, 99.9)), millis(all.length == 0 ? 0 : all[all.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static final class Worker extends Thread {
        private final URI url;
        private final List<String> bodies;
        private final int sessions;
        private final String sessionPrefix;
        private final int index;
        private final int connections;
        private final long firstDue;
        private final double intervalNanos;
        private final long measureFrom;
        private final long end;
        final long[] latencies;
        int count;
        long errors;
        long non2xx;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Worker(URI url, List<String> bodies, int sessions, String sessionPrefix, int index, int connections,
               long firstDue, double intervalNanos, long measureFrom, long end, int capacity) {
            super("load-" + index);
            this.url = url;
            this.bodies = bodies;
            this.sessions = sessions;
            this.sessionPrefix = sessionPrefix;
            this.index = index;
            this.connections = connections;
            this.firstDue = firstDue;
            this.intervalNanos = intervalNanos;
            this.measureFrom = measureFrom;
            this.end = end;
            this.latencies = new long[capacity];
        }

        @Override
        public void run() {
            for (long n = 0; ; n++) {
                long due = firstDue + (long) (n * intervalNanos);
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
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            String host = url.getHost() + ":" + url.getPort();
            if (bodies.isEmpty()) {
                return ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
            }
            String session = sessionPrefix + "-" + (sequence % sessions);
            String body = bodies.get((int) (sequence % bodies.size())).replace("{session}", session);
            byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + bodyBytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + bodyBytes.length);
            System.arraycopy(bodyBytes, 0, request, head.length, bodyBytes.length);
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
            return readResponse();
        }

        private int readResponse() throws IOException {
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            long contentLength = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(readLine().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(readLine().split(";")[0].trim(), 16)) {
                    skip(size);
                    readLine();
                }
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are ignored
                }
            } else if (contentLength >= 0) {
                skip(contentLength);
            } else {
                closeAfter = true;
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
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

    private FixedRateLoad() {
    }
}
