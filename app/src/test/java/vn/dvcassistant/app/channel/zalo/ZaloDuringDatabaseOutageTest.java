package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.database.OwnEmbeddedDatabase;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zalo has had its 200 when the worker finds PostgreSQL out of reach, so it will not send the message again:
 * the citizen is told to try later, with the access token last read from the database.
 */
class ZaloDuringDatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void aMessageThatArrivesWhileTheDatabaseIsDownIsAnsweredWithTryAgainLater() {
        Path postgres = dataDir.resolve("postgres");
        try (FakeApiServer openApi = new FakeApiServer(); FakeApiServer oauth = new FakeApiServer()) {
            openApi.on(ZaloChannelTest.SEND, new FakeApiServer.Response(200, ZaloChannelTest.SENT));
            Map<String, Object> config = new HashMap<>(FakeApiServer.freePortProperties());
            config.putAll(OwnEmbeddedDatabase.properties(postgres));
            config.putAll(Map.of(
                    "channels.zalo.app-id", ZaloChannelTest.APP_ID,
                    "channels.zalo.app-secret", "app-secret-xyz",
                    "channels.zalo.oa-secret-key", ZaloChannelTest.OA_SECRET,
                    "channels.zalo.access-token", "configured-access-token",
                    "channels.zalo.refresh-token", "configured-refresh-token",
                    "channels.zalo.api-url", openApi.baseUrl(),
                    "channels.zalo.oauth-url", oauth.baseUrl()));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test");
                 HttpClient client = HttpClient.create(server.getURL())) {
                OwnEmbeddedDatabase.stop(postgres);
                String user = ZaloChannelTest.newUserId();

                int status = ZaloChannelTest.post(client,
                        ZaloChannelTest.text(user, ZaloChannelTest.msgId(user), "đăng ký khai sinh"), true).code();

                assertThat(status).isEqualTo(200);
                List<FakeApiServer.Request> sent = openApi.await(ZaloChannelTest.SEND, ZaloChannelTest.to(user), 1);
                assertThat(sent.get(0).body()).contains("tạm gián đoạn").contains("thử lại");
                assertThat(sent.get(0).header("access_token")).isEqualTo("configured-access-token");
            }
        }
    }
}
