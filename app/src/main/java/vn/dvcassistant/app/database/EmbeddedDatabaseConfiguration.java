package vn.dvcassistant.app.database;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The PostgreSQL server started in-process when no {@code datasources.default.url} is configured.
 *
 * @param dataDir   folder holding the database files; kept across restarts
 * @param port      TCP port on 127.0.0.1, 0 for any free port
 * @param temporary use one throw-away folder per JVM instead of {@code dataDir}, shared by every
 *                  application context of that JVM (tests), and keep the server running until the JVM exits
 */
@ConfigurationProperties("dvc.embedded-db")
public record EmbeddedDatabaseConfiguration(Path dataDir, int port, boolean temporary) {
}
