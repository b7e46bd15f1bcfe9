package vn.dvcassistant.app.database;

import java.nio.file.Path;
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
}
