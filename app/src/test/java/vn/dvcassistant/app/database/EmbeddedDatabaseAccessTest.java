package vn.dvcassistant.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another account on the host must not get into the embedded database: no connection without the
 * generated password, which only the service's account can read, and no socket in the shared /tmp.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataFolderGetsAPasswordOnlyTheOwnerCanReadAndRefusesConnectionsWithoutIt() throws Exception {
        Path dir = dataDir.resolve("postgres");
        EmbeddedPostgresServers.Running server = EmbeddedPostgresServers.start(dir, 0, false);
        try {
            assertLocked(server, dir);
        } finally {
            EmbeddedPostgresServers.stop(dir);
        }
        String password = Files.readString(dir.resolve(EmbeddedDatabaseLock.PASSWORD_FILE)).strip();

        // Restarted, it keeps the same password.
        EmbeddedPostgresServers.Running again = EmbeddedPostgresServers.start(dir, 0, false);
        try {
            assertThat(again.password()).isEqualTo(password);
            assertLocked(again, dir);
        } finally {
            EmbeddedPostgresServers.stop(dir);
        }
    }

    /** A folder made by an earlier version (initdb's trust for every local user) is locked on its next start. */
    @Test
    void aTrustingDataFolderFromBeforeIsMigratedOnStart() throws Exception {
        Path dir = dataDir.resolve("old");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false).start();
             Connection connection = DriverManager.getConnection(
                     "jdbc:postgresql://localhost:" + old.getPort() + "/postgres", "postgres", "")) {
            connection.createStatement().execute("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

        EmbeddedPostgresServers.Running server = EmbeddedPostgresServers.start(dir, 0, false);
        try {
            assertLocked(server, dir);
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password());
                 ResultSet row = connection.createStatement().executeQuery("SELECT v FROM kept")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("still here");
            }
        } finally {
            EmbeddedPostgresServers.stop(dir);
        }
    }

    private static void assertLocked(EmbeddedPostgresServers.Running server, Path dir) throws Exception {
        Path passwordFile = dir.resolve(EmbeddedDatabaseLock.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(40).isEqualTo(server.password());

        List<String> rules = Files.readAllLines(dir.resolve("pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(rules).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));

        for (String wrong : new String[]{"", "postgres", server.password() + "x"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", wrong).close())
                    .as("password '%s'", wrong).isInstanceOf(SQLException.class);
        }
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres", server.password())) {
            String socketDir = show(connection, "unix_socket_directories");
            assertThat(socketDir).doesNotContain("/tmp,").isNotEqualTo("/tmp");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(socketDir))))
                    .isEqualTo("rwx------");
            assertThat(show(connection, "password_encryption")).isEqualTo("scram-sha-256");
            try (ResultSet row = connection.createStatement().executeQuery(
                    "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                row.next();
                assertThat(row.getString(1)).startsWith("SCRAM-SHA-256$");
            }
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
