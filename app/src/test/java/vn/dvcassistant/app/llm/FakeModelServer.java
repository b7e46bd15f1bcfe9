package vn.dvcassistant.app.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A model server in the test's JVM speaking the real wire formats: OpenAI-compatible
 * {@code POST /v1/chat/completions} and Ollama's {@code POST /api/chat} (not streamed). It answers what the test
 * set, or misbehaves as set (slow, 500, malformed JSON), and keeps every request body it received.
 */
public final class FakeModelServer implements AutoCloseable {

    public enum Mode { ANSWER, SLOW, ERROR_500, MALFORMED }

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.ANSWER;
    private volatile String content = "";
    private volatile long delayMillis;

    public FakeModelServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", e -> handle(e, false));
        server.createContext("/api/chat", e -> handle(e, true));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The model answers {@code text} from now on. */
    public FakeModelServer answers(String text) {
        this.mode = Mode.ANSWER;
        this.content = text;
        return this;
    }

    /** The model answers {@code text} after {@code millis}. */
    public FakeModelServer slow(String text, long millis) {
        this.content = text;
        this.delayMillis = millis;
        this.mode = Mode.SLOW;
        return this;
    }

    public FakeModelServer fails(Mode failure) {
        this.mode = failure;
        return this;
    }

    /** Request bodies received, oldest first. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    public List<String> paths() {
        return List.copyOf(paths);
    }

    public String lastBody() {
        return bodies.isEmpty() ? null : bodies.get(bodies.size() - 1);
    }

    private void handle(HttpExchange exchange, boolean ollama) throws IOException {
        try (exchange) {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            Mode now = mode;
            if (now == Mode.SLOW) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            switch (now) {
                case ERROR_500 -> send(exchange, 500, "{\"error\":{\"message\":\"internal error\",\"type\":\"server_error\"}}");
                case MALFORMED -> send(exchange, 200, "{\"choices\": [ {\"message\": ");
                default -> send(exchange, 200, ollama ? ollamaBody(content) : openAiBody(content));
            }
        } catch (IOException closedByClient) {
            // The client gave up (timeout): nothing to answer.
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String openAiBody(String content) {
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1733356800,"model":"fake",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":900,"completion_tokens":60,"total_tokens":960}}""".formatted(json(content));
    }

    static String ollamaBody(String content) {
        return """
                {"model":"fake","created_at":"2026-12-05T00:00:00Z","message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","total_duration":1000,"prompt_eval_count":900,"eval_count":60}"""
                .formatted(json(content));
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
