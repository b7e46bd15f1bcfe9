package vn.dvcassistant.app.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: a PostgreSQL server given by URL, migrated by Flyway, no embedded server.
 * CI (.ci/run) starts a throw-away server and sets DVC_TEST_EXTERNAL_DB_URL, _USER and _PASSWORD.
 */
@EnabledIfEnvironmentVariable(named = "DVC_TEST_EXTERNAL_DB_URL", matches = ".+")
class ExternalDatabaseTest {

    @Test
    void usesTheConfiguredServerAndMigratesIt() throws SQLException {
        String url = System.getenv("DVC_TEST_EXTERNAL_DB_URL");
        Map<String, Object> config = Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", url,
                "datasources.default.username", env("DVC_TEST_EXTERNAL_DB_USER", "postgres"),
                "datasources.default.password", env("DVC_TEST_EXTERNAL_DB_PASSWORD", ""));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> reply = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                    Map.of("sessionId", UUID.randomUUID().toString(), "text", "làm căn cước"))
                    .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
            UUID id = UUID.fromString((String) reply.get("messageId"));
            // Read back outside the app: the row is in the configured server, not in an embedded one.
            try (Connection connection = DriverManager.getConnection(url, (String) config.get("datasources.default.username"),
                    (String) config.get("datasources.default.password"));
                 PreparedStatement query = connection.prepareStatement("SELECT topic_id FROM exchange WHERE id = ?")) {
                query.setObject(1, id);
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("the-can-cuoc");
                }
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
