package vn.dvcassistant.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test's own embedded PostgreSQL, in its own folder rather than the one the test suite shares, so the
 * test can stop it under a running service.
 */
public final class OwnEmbeddedDatabase {

    private OwnEmbeddedDatabase() {
    }

    /** Settings for an application context on a server in {@code dir}; requests wait 1 s for a connection. */
    public static Map<String, Object> properties(Path dir) {
        return Map.of(
                "dvc.embedded-db.temporary", false,
                "dvc.embedded-db.data-dir", dir.toString(),
                "datasources.default.connection-timeout", 1000);
    }

    public static void stop(Path dir) {
        EmbeddedPostgresServers.stop(dir);
    }

    /**
     * Freezes (SIGSTOP) or thaws (SIGCONT) the server and its backends: a database that hangs rather than
     * refusing connections, like a host lost behind a network partition. Linux and macOS only.
     */
    public static void signal(Path dir, String signal) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(postmaster)));
            ProcessHandle.of(postmaster).orElseThrow().descendants()
                    .forEach(p -> command.add(Long.toString(p.pid())));
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IllegalStateException("kill failed: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
