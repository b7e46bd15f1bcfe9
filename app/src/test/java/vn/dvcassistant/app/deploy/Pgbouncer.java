package vn.dvcassistant.app.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * PgBouncer in transaction pooling between an instance and PostgreSQL, as docs/deploy/pgbouncer.ini advises
 * (the instance's URL then needs {@code prepareThreshold=0}). The test server trusts loopback connections, so
 * PgBouncer logs in as the configured user without a password of its own.
 */
final class Pgbouncer {

    private Pgbouncer() {
    }

    /** @param jdbcUrl the database's own URL, {@code jdbc:postgresql://host:port/name} */
    static LocalProcess start(Path binary, Path dir, int port, String jdbcUrl, String user) throws IOException {
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        Path config = dir.resolve("pgbouncer.ini");
        Path log = dir.resolve("pgbouncer.log");
        Files.writeString(config, """
                [databases]
                %s = host=%s port=%d dbname=%s user=%s

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = any
                pool_mode = transaction
                default_pool_size = 20
                max_client_conn = 200
                server_reset_query =
                ignore_startup_parameters = extra_float_digits,options
                """.formatted(db.getPath().substring(1), db.getHost(), db.getPort(), db.getPath().substring(1), user,
                port));
        // PgBouncer refuses to run as root; as another account it must be able to read its configuration.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        return LocalProcess.start("pgbouncer", LocalProcess.asUnprivileged("nobody", List.of(binary.toString(),
                config.toString())), Map.of(), log);
    }

    static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
    }
}
