package vn.dvcassistant.app.channel.zalo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.zalo.ZaloConfig;
import vn.dvcassistant.channel.zalo.ZaloSender;

import java.net.URI;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.dvcassistant.app.channel.zalo.ZaloChannelTest.REFRESH;

/**
 * The OA's tokens are refreshed without any message being sent: ahead of expiry, when the expiry of a
 * configured pair is unknown, and at least monthly; a refused refresh is recorded for /health.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloTokenKeeperTest {

    private final FakeApiServer oauth = new FakeApiServer();

    @Inject
    TransactionOperations<Connection> transactions;

    static final ZaloTokenCipher CIPHER = ZaloTokenCipher.of(null, "app-secret-xyz", "oa-secret");

    private DatabaseZaloTokenStore store;
    private ZaloTokenKeeper keeper;
    private TestDatabase db;

    @BeforeEach
    void seed() {
        store = new DatabaseZaloTokenStore(transactions, CIPHER);
        store.seed("keeper-access", "keeper-refresh-" + System.nanoTime());
        ZaloConfig config = ZaloConfig.of("4318855412337893151", "app-secret-xyz", "oa-secret")
                .withBaseUrls(URI.create("http://127.0.0.1:9"), URI.create(oauth.baseUrl()))
                .withRetryPolicy(new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)));
        keeper = new ZaloTokenKeeper(new ZaloSender(config, store), store, Duration.ofHours(1), Duration.ofDays(30),
                Clock.systemUTC());
        db = new TestDatabase(transactions);
        oauth.on(REFRESH, new Response(200, """
                {"access_token":"kept-access","refresh_token":"kept-refresh","expires_in":"90000"}"""));
    }

    @AfterAll
    void stop() {
        oauth.close();
    }

    @Test
    void aConfiguredPairWhoseExpiryIsUnknownIsRefreshedAtOnce() {
        int before = refreshes();

        assertThat(keeper.check()).isEmpty();

        assertThat(refreshes()).isEqualTo(before + 1);
        assertThat(accessToken()).containsExactly("kept-access");
        ZaloTokenStatus status = store.status();
        assertThat(status.expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(24)));
        assertThat(status.refreshedAt()).isAfter(Instant.now().minusSeconds(60));
        assertThat(status.refreshFailure()).isNull();
    }

    @Test
    void aTokenWithHoursLeftRefreshedRecentlyIsLeftAlone() {
        setRow("now() + interval '5 hours'", "now() - interval '2 days'");
        int before = refreshes();

        assertThat(keeper.check()).isEmpty();

        assertThat(refreshes()).isEqualTo(before);
        assertThat(accessToken()).containsExactly("keeper-access");
    }

    @Test
    void aTokenExpiringWithinTheMarginIsRefreshedAhead() {
        setRow("now() + interval '40 minutes'", "now() - interval '23 hours'");
        int before = refreshes();

        keeper.check();

        assertThat(refreshes()).isEqualTo(before + 1);
        assertThat(accessToken()).containsExactly("kept-access");
    }

    @Test
    void tokensNotRefreshedForAMonthAreRefreshedEvenWhenTheAccessTokenLooksValid() {
        setRow("now() + interval '20 hours'", "now() - interval '31 days'");
        int before = refreshes();

        keeper.check();

        assertThat(refreshes()).isEqualTo(before + 1);
    }

    @Test
    void aRefusedRefreshIsRecordedAndRaisesTheHealthAlertUntilTheNextSuccess() {
        oauth.on(REFRESH, new Response(200, """
                {"error_name":"Invalid parameter","error_description":"Invalid refresh token","error":-14014}"""));

        assertThat(keeper.check()).hasValueSatisfying(reason -> assertThat(reason).contains("Invalid refresh token"));

        ZaloTokenStatus failed = store.status();
        assertThat(failed.refreshFailure()).contains("Invalid refresh token");
        Map<String, Object> health = failed.healthDetails(Instant.now());
        assertThat(health).containsEntry("tokenAlert", true).containsKey("tokenExpiresAt")
                .containsKey("tokenLastRefreshAt");
        assertThat((String) health.get("tokenRefreshFailure")).contains("Invalid refresh token");
        assertThat(accessToken()).containsExactly("keeper-access");

        oauth.on(REFRESH, new Response(200, """
                {"access_token":"kept-access","refresh_token":"kept-refresh","expires_in":"90000"}"""));
        assertThat(keeper.check()).isEmpty();
        ZaloTokenStatus recovered = store.status();
        assertThat(recovered.refreshFailedAt()).isNull();
        assertThat(recovered.healthDetails(Instant.now())).containsEntry("tokenAlert", false);
    }

    private void setRow(String expiresAt, String refreshedAt) {
        db.update("UPDATE zalo_token SET expires_at = " + expiresAt + ", refreshed_at = " + refreshedAt + " WHERE id = 1");
    }

    private int refreshes() {
        return oauth.requests(REFRESH, r -> true).size();
    }

    private java.util.List<String> accessToken() {
        return db.column("SELECT access_token FROM zalo_token").stream()
                .map(v -> CIPHER.decrypt(v.toString(), "access_token")).toList();
    }

    @Test
    void tokensStoredInPlainTextByAnEarlierVersionAreEncryptedOnStart() {
        db.update("UPDATE zalo_token SET access_token = 'plain-access', refresh_token = 'plain-refresh' WHERE id = 1");

        store.encryptPlainTokens();

        assertThat(db.column("SELECT access_token || refresh_token FROM zalo_token").get(0).toString())
                .doesNotContain("plain-").startsWith("v1:");
        assertThat(store.current().accessToken()).isEqualTo("plain-access");
        assertThat(store.current().refreshToken()).isEqualTo("plain-refresh");
        assertThat(catchThrowable(() -> new DatabaseZaloTokenStore(transactions,
                ZaloTokenCipher.of("another key of at least thirty-two characters", "x", "y")).current()))
                .as("another key cannot read them").hasMessageContaining("ZALO_TOKEN_KEY");
    }
}
