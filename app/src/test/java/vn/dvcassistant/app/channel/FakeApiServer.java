package vn.dvcassistant.app.channel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local stand-in for Telegram's Bot API or Zalo's OpenAPI/OAuth servers: answers each path with queued
 * responses (the last one repeats) and records every request.
 */
public final class FakeApiServer implements AutoCloseable {

    /** @param receivedNanos {@link System#nanoTime()} when it arrived, to check waits between requests */
    public record Request(String path, Map<String, List<String>> headers, String body, long receivedNanos) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** @param delayMillis how long the fake takes to answer, to hold a caller mid-request */
    public record Response(int status, String body, long delayMillis) {

        public Response(int status, String body) {
            this(status, body, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Deque<Response>> responses = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeApiServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized FakeApiServer on(String path, Response... queued) {
        responses.put(path, new ArrayDeque<>(List.of(queued)));
        return this;
    }

    public List<Request> requests(String path, Predicate<Request> filter) {
        return requests.stream().filter(r -> r.path().equals(path)).filter(filter).toList();
    }

    /** Waits until {@code count} matching requests have arrived, or fails after 10 s. */
    public List<Request> await(String path, Predicate<Request> filter, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Request> found = requests(path, filter);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(20);
            found = requests(path, filter);
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " requests to " + path + ", got " + found.size()
                    + "; all requests: " + requests);
        }
        return found;
    }

    /**
     * Server and management port for a test application context: a free port rather than the configured
     * 8080, which other test runs on the same machine may hold. Both keys must match, or /health moves to
     * a second listener.
     */
    public static Map<String, String> freePortProperties() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(socket.getLocalPort());
            return Map.of("micronaut.server.port", port, "endpoints.all.port", port);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(path, Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
        Response response = next(path);
        if (response.delayMillis() > 0) {
            sleep(response.delayMillis());
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized Response next(String path) {
        Deque<Response> queue = responses.get(path);
        if (queue == null || queue.isEmpty()) {
            return new Response(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
