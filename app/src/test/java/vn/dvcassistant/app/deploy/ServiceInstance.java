package vn.dvcassistant.app.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of the service as its own JVM (the application's main class on the test's class path), with
 * the settings an operator gives in the environment. Started, stopped with SIGTERM or killed with SIGKILL.
 */
final class ServiceInstance implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path dir;
    private final Map<String, String> environment;
    private LocalProcess process;

    ServiceInstance(String name, Path dir, Map<String, String> environment) {
        this.name = name;
        this.port = LocalProcess.freePort();
        this.dir = dir;
        this.environment = new HashMap<>(environment);
        this.environment.put("DVC_PORT", Integer.toString(port));
        this.environment.put("MICRONAUT_SERVER_HOST", "127.0.0.1");
        this.environment.put("DVC_DATA_DIR", dir.resolve(name + "-data").toString());
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    void start() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Small heap and the client compiler: several JVMs start on a shared two-core machine.
        List<String> command = List.of(java.toString(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "vn.dvcassistant.app.Application");
        process = LocalProcess.start(name, command, environment, dir.resolve(name + ".log"));
    }

    /** Waits until /health answers 200, or fails with the end of the instance's log. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(name + " exited while starting\n" + process.logTail());
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "\n" + process.logTail());
    }

    int stopGracefully() throws InterruptedException {
        return process.stopGracefully(90);
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    String logTail() {
        return process == null ? name + ": not started" : process.logTail();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve(name + ".log"));
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
