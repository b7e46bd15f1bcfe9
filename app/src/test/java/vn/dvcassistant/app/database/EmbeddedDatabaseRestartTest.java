package vn.dvcassistant.app.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcassistant.app.conversation.ExchangeRepository;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The default deployment: the embedded server in a fixed folder, stopped with the service and started again. */
class EmbeddedDatabaseRestartTest {

    private static String setting(EmbeddedServer server, String name) throws SQLException {
        DatasourceConfiguration datasource = server.getApplicationContext().getBean(DatasourceConfiguration.class);
        try (Connection connection = DriverManager.getConnection(datasource.getJdbcUrl(), datasource.getUsername(),
                datasource.getPassword());
             ResultSet row = connection.createStatement().executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @TempDir
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void dataSurvivesARestartOfTheService() throws SQLException, java.io.IOException {
        Map<String, Object> config = Map.of(
                "micronaut.server.port", -1,
                "dvc.embedded-db.temporary", false,
                "dvc.embedded-db.data-dir", dataDir.resolve("postgres").toString());
        String session = UUID.randomUUID().toString();
        UUID messageId;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Map<String, Object> reply = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                    Map.of("sessionId", session, "text", "đăng ký kết hôn")).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
            messageId = UUID.fromString((String) reply.get("messageId"));
            assertThat(setting(server, "synchronous_commit")).as("commits reach the disk").isEqualTo("on");
            assertThat(setting(server, "fsync")).as("writes are flushed to the disk").isEqualTo("on");
        }
        assertThat(Files.readString(dataDir.resolve("postgres/PG_VERSION")).strip())
                .as("the bundled server is the major version the service accepts")
                .isEqualTo(Integer.toString(EmbeddedPostgresServers.MAJOR_VERSION));
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("server stopped with the service").isFalse();

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            assertThat(server.getApplicationContext().getBean(ExchangeRepository.class).findById(messageId)).isPresent();
            Map<String, Object> followUp = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                    Map.of("sessionId", session, "text", "lệ phí bao nhiêu?")).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
            assertThat(((List<Map<String, Object>>) followUp.get("sources")).get(0)).containsEntry("id", "dang-ky-ket-hon");
        }
    }
}
