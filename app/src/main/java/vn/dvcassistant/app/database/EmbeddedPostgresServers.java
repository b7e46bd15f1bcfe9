package vn.dvcassistant.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Embedded servers by data folder. PostgreSQL refuses two servers on one folder, and several
 * application contexts in one JVM (tests) must share one server, so the servers live here rather
 * than in a bean.
 */
final class EmbeddedPostgresServers {

    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    private static Path temporaryDir;

    private EmbeddedPostgresServers() {
    }

    /**
     * @param durable commit only once the data is on disk; the library's default trades the last
     *                moments of data on a crash for speed, which suits tests but not citizens' records
     */
    static synchronized EmbeddedPostgres start(Path dataDir, int port, boolean durable) {
        Path key = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(key);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(key.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", durable ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            RUNNING.put(key, server);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + key, e);
        }
    }

    static synchronized Path temporaryDataDir() {
        if (temporaryDir == null) {
            try {
                temporaryDir = Files.createTempDirectory("dvc-pg-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = temporaryDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(dir);
                deleteRecursively(dir);
            }, "dvc-embedded-pg-cleanup"));
        }
        return temporaryDir;
    }

    static synchronized void stop(Path dataDir) {
        EmbeddedPostgres server = RUNNING.remove(dataDir.toAbsolutePath().normalize());
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Retried because the server may still write its last files for a moment after it reports stopped. */
    private static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Files vanishing under the walk: try again.
            }
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
