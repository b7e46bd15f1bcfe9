package vn.dvcassistant.app.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's backup: dump a running instance's database with pg_dump, restore it with pg_restore into a
 * fresh database, start the service on that one, and find the same comment, ratings and statistics.
 * Runs against the external server .ci/run starts (with Debian's client programs of the same version).
 */
@EnabledIfEnvironmentVariable(named = "DVC_TEST_EXTERNAL_DB_URL", matches = ".+")
class BackupRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aDumpRestoredIntoAFreshDatabaseServesTheSameCommentsRatingsAndStatistics() throws Exception {
        String url = System.getenv("DVC_TEST_EXTERNAL_DB_URL");
        URI db = URI.create(url.substring("jdbc:".length()));
        String restoredName = "dvc_restored_" + UUID.randomUUID().toString().substring(0, 8);
        String restoredUrl = url.substring(0, url.lastIndexOf('/') + 1) + restoredName;

        String code;
        Map<?, ?> satisfaction;
        Map<?, ?> answers;
        Map<?, ?> comment;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config(url), "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            String session = UUID.randomUUID().toString();
            Map<?, ?> reply = post(client, "/api/v1/chat", Map.of("sessionId", session,
                    "text", "đăng ký khai sinh cần gì"));
            post(client, "/api/v1/feedback", Map.of("messageId", reply.get("messageId"), "helpful", false,
                    "comment", "thiếu lệ phí"));
            post(client, "/api/v1/satisfaction", Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long",
                    "channel", "web", "sessionId", session));
            code = post(client, "/api/v1/comments", Map.of("text", "Trang nộp hồ sơ hay bị lỗi vào buổi tối",
                    "field", "ho-tich")).get("code").toString();
            comment = get(client, "/api/v1/comments/" + code);
            satisfaction = get(client, "/api/v1/stats/satisfaction");
            answers = get(client, "/api/v1/stats/answers");

            // While it runs, as a nightly job would.
            Path dump = dir.resolve("dvc.dump");
            run("pg_dump", "--format=custom", "--file=" + dump, "-h", db.getHost(), "-p", Integer.toString(db.getPort()),
                    "-U", user(), db.getPath().substring(1));
            run("createdb", "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", user(), restoredName);
            run("pg_restore", "--no-owner", "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", user(),
                    "-d", restoredName, dump.toString());
        }

        try (EmbeddedServer restored = ApplicationContext.run(EmbeddedServer.class, config(restoredUrl), "test");
             HttpClient client = HttpClient.create(restored.getURL())) {
            assertThat(get(client, "/api/v1/comments/" + code)).isEqualTo(comment);
            assertThat(get(client, "/api/v1/stats/satisfaction")).isEqualTo(satisfaction);
            assertThat(get(client, "/api/v1/stats/answers")).isEqualTo(answers);
            assertThat(satisfaction).isNotEmpty();
        }
    }

    private static Map<String, Object> config(String url) {
        Map<String, Object> config = new HashMap<>();
        config.put("micronaut.server.port", -1);
        config.put("datasources.default.url", url);
        config.put("datasources.default.username", user());
        config.put("datasources.default.password", password());
        return config;
    }

    private static Map<?, ?> post(HttpClient client, String path, Map<String, ?> body) {
        return client.toBlocking().retrieve(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE),
                Map.class);
    }

    private static Map<?, ?> get(HttpClient client, String path) {
        return client.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    /** Debian's client programs of the newest PostgreSQL installed (.ci/run installs the server package). */
    private static void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(clientBin().resolve(program).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(program + ": " + output).isZero();
    }

    private static Path clientBin() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL client programs: apt-get install postgresql"))
                    .resolve("bin");
        }
    }

    private static String user() {
        String value = System.getenv("DVC_TEST_EXTERNAL_DB_USER");
        return value == null ? "postgres" : value;
    }

    private static String password() {
        String value = System.getenv("DVC_TEST_EXTERNAL_DB_PASSWORD");
        return value == null ? "" : value;
    }
}
