package vn.dvcassistant.app.database;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.satisfaction.SurveyTokens;
import vn.dvcassistant.app.security.StaffSession;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing keys against real PostgreSQL: made once, the same bytes on every later load and in every instance,
 * also when instances make it at the same moment; a key already stored is used as it is; and the survey links and
 * reader cookies are signed with the keys in their own tables. Each {@code new SigningKeys} stands for one
 * instance of the service, on a probe table shaped like the real key tables (V90, V231).
 */
@MicronautTest(transactional = false)
class SigningKeysTest {

    private static final String PROBE = "signing_key_probe";

    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    SigningKeys keys;
    @Inject
    SurveyTokens surveyTokens;
    @Inject
    EmbeddedServer server;

    @BeforeEach
    void probeTable() {
        sql("CREATE TABLE IF NOT EXISTS " + PROBE + " (id SMALLINT PRIMARY KEY CHECK (id = 1), secret BYTEA NOT NULL,"
                + " created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        sql("DELETE FROM " + PROBE);
    }

    @AfterEach
    void dropProbeTable() {
        sql("DROP TABLE IF EXISTS " + PROBE);
    }

    @Test
    void theKeyIsMadeOnceAndTheSameBytesComeBackOnEveryLoadAndAfterARestart() {
        SigningKeys instance = new SigningKeys(transactions);
        byte[] first = instance.key(PROBE);
        assertThat(first).hasSize(32).isEqualTo(stored(PROBE));
        assertThat(instance.key(PROBE)).as("second load").isEqualTo(first);
        assertThat(new SigningKeys(transactions).key(PROBE)).as("after a restart").isEqualTo(first);
        assertThat(rows(PROBE)).isEqualTo(1);

        instance.key(PROBE)[0] ^= 1;
        assertThat(instance.key(PROBE)).as("a caller cannot change the key it was given").isEqualTo(first);
    }

    @Test
    void aKeyAlreadyStoredIsUsedAsItIs() {
        byte[] existing = new byte[32];
        Arrays.fill(existing, (byte) 7);
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO " + PROBE + " (id, secret) VALUES (1, ?)")) {
                insert.setBytes(1, existing);
                return insert.executeUpdate();
            }
        });
        assertThat(new SigningKeys(transactions).key(PROBE)).isEqualTo(existing);
        assertThat(rows(PROBE)).isEqualTo(1);
    }

    @Test
    void instancesMakingTheKeyAtTheSameMomentAllGetTheOneStored() throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                sql("DELETE FROM " + PROBE);
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<byte[]>> loaded = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    loaded.add(instances.submit(() -> {
                        SigningKeys instance = new SigningKeys(transactions);
                        start.await(10, TimeUnit.SECONDS);
                        return instance.key(PROBE);
                    }));
                }
                List<byte[]> got = new ArrayList<>();
                for (Future<byte[]> each : loaded) {
                    got.add(each.get(30, TimeUnit.SECONDS));
                }
                byte[] key = stored(PROBE);
                assertThat(got).as("round " + round).allSatisfy(k -> assertThat(k).isEqualTo(key));
                assertThat(rows(PROBE)).isEqualTo(1);
            }
        } finally {
            instances.shutdownNow();
        }
    }

    /**
     * The race made certain: one instance has inserted its key and not committed yet while two others insert
     * theirs. Both wait on the primary key, insert nothing once the first commits, and use the first one's key.
     */
    @Test
    void anInstanceThatLosesTheRaceWaitsAndUsesTheWinnersKey() throws Exception {
        byte[] winner = new byte[32];
        Arrays.fill(winner, (byte) 42);
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection().prepareStatement(
                        "INSERT INTO " + PROBE + " (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                    insert.setBytes(1, winner);
                    insert.executeUpdate();
                }
                inserted.countDown();
                return commit.await(30, TimeUnit.SECONDS);
            }));
            assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<byte[]> second = threads.submit(() -> new SigningKeys(transactions).key(PROBE));
            Future<byte[]> third = threads.submit(() -> new SigningKeys(transactions).key(PROBE));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waitingOnTheProbe() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waitingOnTheProbe()).as("both later instances wait for the first one's commit").isEqualTo(2);
            assertThat(second.isDone() || third.isDone()).isFalse();

            commit.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(winner);
            assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(winner);
            assertThat(stored(PROBE)).isEqualTo(winner);
            assertThat(rows(PROBE)).isEqualTo(1);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void surveyLinksAndReaderCookiesAreSignedWithTheKeysInTheirOwnTables() {
        String token = surveyTokens.issue("dang-ky-khai-sinh", "SO-TP", LocalDate.now().plusDays(30));
        int dot = token.indexOf('.');
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
        assertThat(token.substring(dot + 1)).isEqualTo(signature(stored("survey_signing_key"), payload));
        assertThat(keys.key("survey_signing_key")).isEqualTo(stored("survey_signing_key"));

        try (HttpClient client = StaffSession.client(server)) {
            HttpResponse<String> page = StaffSession.send(client, HttpRequest.GET("/minh-bach"));
            String cookie = page.getCookie("dvc_reader").orElseThrow().getValue();
            int cookieDot = cookie.indexOf('.');
            String reader = cookie.substring(0, cookieDot);
            assertThat(cookie.substring(cookieDot + 1)).isEqualTo(
                    signature(stored("reader_cookie_key"), reader.getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(keys.key("reader_cookie_key")).isEqualTo(stored("reader_cookie_key"))
                .isNotEqualTo(stored("survey_signing_key"));
        assertThat(rows("survey_signing_key")).isEqualTo(1);
        assertThat(rows("reader_cookie_key")).isEqualTo(1);
    }

    @Test
    void onlyAPlainTableNameIsWrittenIntoTheSql() {
        keys.key("survey_signing_key");
        assertThatThrownBy(() -> keys.key("survey_signing_key; DROP TABLE survey_signing_key"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.key("Survey_Signing_Key")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows("survey_signing_key")).isEqualTo(1);
    }

    /** What both classes send: the first 16 bytes of the HMAC-SHA256, base64url without padding. */
    private static String signature(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(data), 16));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private long waitingOnTheProbe() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE 'INSERT INTO " + PROBE + "%'");
    }

    private byte[] stored(String table) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT secret FROM " + table + " WHERE id = 1"); ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        });
    }

    private long rows(String table) {
        return count("SELECT count(*) FROM " + table);
    }

    private long count(String query) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(query); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void sql(String statement) {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(statement)) {
                return s.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
