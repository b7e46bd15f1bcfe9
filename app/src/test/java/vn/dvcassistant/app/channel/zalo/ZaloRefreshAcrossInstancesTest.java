package vn.dvcassistant.app.channel.zalo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.SendResult;
import vn.dvcassistant.channel.zalo.ZaloConfig;
import vn.dvcassistant.channel.zalo.ZaloSender;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.EXPIRED;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.REFRESH;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.SEND;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.SENT;

/**
 * Two instances of the service share the OA's tokens in PostgreSQL. When both find the access token
 * expired at once, only one may spend the single-use refresh token; the other must use the new pair.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloRefreshAcrossInstancesTest {

    private final FakeApiServer openApi = new FakeApiServer();
    private final FakeApiServer oauth = new FakeApiServer();

    @Inject
    TransactionOperations<Connection> transactions;

    @AfterAll
    void stopFakes() {
        openApi.close();
        oauth.close();
    }

    @Test
    void twoInstancesWithAnExpiredTokenRefreshItOnce() throws Exception {
        DatabaseZaloTokenStore seeding = new DatabaseZaloTokenStore(transactions, ZaloTokenKeeperTest.CIPHER);
        seeding.seed("shared-old-access", "shared-old-refresh-" + System.nanoTime());
        // Both instances' first sends are refused; the refresh takes a moment, long enough for the
        // second instance to find the token expired while the first is still refreshing.
        openApi.on(SEND, new Response(200, EXPIRED), new Response(200, EXPIRED), new Response(200, SENT));
        oauth.on(REFRESH, new Response(200, """
                {"access_token":"shared-new-access","refresh_token":"shared-new-refresh","expires_in":"90000"}""", 400));
        ZaloConfig config = ZaloConfig.of("4318855412337893151", "app-secret-xyz", "oa-secret")
                .withBaseUrls(URI.create(openApi.baseUrl()), URI.create(oauth.baseUrl()))
                .withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)));
        ZaloSender first = new ZaloSender(config, new DatabaseZaloTokenStore(transactions, ZaloTokenKeeperTest.CIPHER));
        ZaloSender second = new ZaloSender(config, new DatabaseZaloTokenStore(transactions, ZaloTokenKeeperTest.CIPHER));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<SendResult> a = instances.submit(() -> first.send("user-a", Reply.text("Xin chào")));
            Future<SendResult> b = instances.submit(() -> second.send("user-b", Reply.text("Xin chào")));
            assertThat(a.get().delivered()).isTrue();
            assertThat(b.get().delivered()).isTrue();
        } finally {
            instances.shutdownNow();
        }

        assertThat(oauth.requests(REFRESH, r -> true)).as("the refresh token is spent once").hasSize(1);
        List<FakeApiServer.Request> sends = openApi.requests(SEND, r -> true);
        assertThat(sends.subList(2, sends.size())).allSatisfy(
                r -> assertThat(r.header("access_token")).isEqualTo("shared-new-access"));
        assertThat(new DatabaseZaloTokenStore(transactions, ZaloTokenKeeperTest.CIPHER).current().refreshToken())
                .isEqualTo("shared-new-refresh");
    }
}
