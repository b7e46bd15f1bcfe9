package vn.dvcassistant.app.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.dvcassistant.app.channel.FakeApiServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented production deployment, from Debian packages: two instances of the service (separate JVMs)
 * behind HAProxy on one external PostgreSQL, the second through PgBouncer in transaction pooling. A
 * conversation goes on across instances, limits are shared, the comment outbox and the Zalo token refresh
 * act once, and stopping an instance (SIGTERM, then SIGKILL of the other) loses no acknowledged rating or
 * comment and stores none twice, with clients that retry as a real one does.
 *
 * <p>Needs the haproxy and pgbouncer packages and an external server (DVC_TEST_EXTERNAL_DB_URL); .ci/run
 * provides all three, and under CI=true their absence fails the test instead of skipping it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceDeploymentTest {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String TELEGRAM_TOKEN = "123456789:AAE-deploy_test_token";
    private static final String TELEGRAM_SEND = "/bot" + TELEGRAM_TOKEN + "/sendmessage";
    private static final String ZALO_REFRESH = "/v4/oa/access_token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private final FakeApiServer telegram = new FakeApiServer();
    private final FakeApiServer zaloApi = new FakeApiServer();
    private final FakeApiServer zaloOauth = new FakeApiServer();
    private final List<AutoCloseable> started = new ArrayList<>();
    private String databaseUrl;
    private String user;
    private String password;
    private String database;
    private ServiceInstance a;
    private ServiceInstance b;
    private LocalProcess haproxy;
    private String balancer;

    @BeforeAll
    void startTheDeployment() throws Exception {
        Path haproxyBinary = LocalProcess.debianBinary("haproxy");
        Path pgbouncerBinary = LocalProcess.debianBinary("pgbouncer");
        String serverUrl = System.getenv("DVC_TEST_EXTERNAL_DB_URL");
        boolean ready = haproxyBinary != null && pgbouncerBinary != null && serverUrl != null && !serverUrl.isBlank();
        String missing = "haproxy: " + haproxyBinary + ", pgbouncer: " + pgbouncerBinary
                + ", DVC_TEST_EXTERNAL_DB_URL: " + serverUrl;
        if (!ready && "true".equals(System.getenv("CI"))) {
            Assertions.fail("CI must run the multi-instance deployment test (.ci/run installs haproxy and pgbouncer "
                    + "and starts PostgreSQL); missing: " + missing);
        }
        Assumptions.assumeTrue(ready, "skipped outside CI: " + missing);

        user = env("DVC_TEST_EXTERNAL_DB_USER", "postgres");
        password = env("DVC_TEST_EXTERNAL_DB_PASSWORD", "");
        database = "dvc_deploy_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection server = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        databaseUrl = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;

        telegram.on(TELEGRAM_SEND, new FakeApiServer.Response(200, """
                {"ok":true,"result":{"message_id":9,"date":1763800000,"chat":{"id":1,"type":"private"},"text":"x"}}"""));
        zaloOauth.on(ZALO_REFRESH, new FakeApiServer.Response(200, """
                {"access_token":"deploy-new-access","refresh_token":"deploy-new-refresh","expires_in":"90000"}"""));

        int bouncerPort = LocalProcess.freePort();
        Path bouncerDir = dir.resolve("pgbouncer");
        java.nio.file.Files.createDirectories(bouncerDir);
        // PgBouncer runs as another account (it refuses root) and must reach its folder.
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        started.add(Pgbouncer.start(pgbouncerBinary, bouncerDir, bouncerPort, databaseUrl, user));

        // The first instance of a version migrates the schema on PostgreSQL itself (docs/deploy/pgbouncer.ini).
        a = instance("a", databaseUrl);
        a.start();
        a.awaitHealthy(START_TIMEOUT);
        b = instance("b", Pgbouncer.jdbcUrl(bouncerPort, database));
        b.start();
        b.awaitHealthy(START_TIMEOUT);

        int balancerPort = LocalProcess.freePort();
        haproxy = Haproxy.start(haproxyBinary, dir, balancerPort, List.of(a.port(), b.port()));
        started.add(haproxy);
        balancer = "http://127.0.0.1:" + balancerPort;
        awaitBalancerUp();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
        telegram.close();
        zaloApi.close();
        zaloOauth.close();
        if (databaseUrl != null) {
            try (Connection server = DriverManager.getConnection(System.getenv("DVC_TEST_EXTERNAL_DB_URL"), user, password);
                 Statement statement = server.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    @Order(1)
    void aConversationGoesOnWhicheverInstanceAnswers() throws Exception {
        String session = "deploy-" + UUID.randomUUID();
        Map<?, ?> first = chat(a.url(), session, "đăng ký kết hôn");
        assertThat(firstSource(first)).isEqualTo("dang-ky-ket-hon");
        Map<?, ?> fee = chat(b.url(), session, "lệ phí bao nhiêu?");
        assertThat(firstSource(fee)).as("the other instance, through PgBouncer, knows the topic").isEqualTo("dang-ky-ket-hon");
        Map<?, ?> consent = chat(balancer, session, "đồng ý");
        assertThat(consent.get("answer").toString()).contains("Cảm ơn bạn đã đồng ý");
    }

    @Test
    @Order(2)
    void aSessionsAllowanceIsCountedOnceAcrossTheInstances() throws Exception {
        String session = "limit-" + UUID.randomUUID();
        RetryingClient toA = new RetryingClient(a.url(), Duration.ofSeconds(30));
        RetryingClient toB = new RetryingClient(b.url(), Duration.ofSeconds(30));
        for (RetryingClient client : List.of(toA, toB, toA, toB)) {
            assertThat(client.post("/api/v1/chat", chatBody(session, "đăng ký khai sinh"), null).status()).isEqualTo(200);
        }
        // Four allowed a minute per session (DVC_RATE_LIMIT_PER_SESSION): each instance saw two, together four.
        RetryingClient.Answer fifth = new RetryingClient(balancer, Duration.ofSeconds(30))
                .post("/api/v1/chat", chatBody(session, "đăng ký khai sinh"), null);
        assertThat(fifth.status()).isEqualTo(429);
    }

    @Test
    @Order(3)
    void theCommentOutboxSendsEachAnswerOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(databaseUrl, user, password)) {
            long comment = insertComment(db);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO comment_reply_outbox "
                    + "(comment_id, channel, recipient, text, created_at) VALUES (?, 'telegram', ?, 'Cơ quan đã trả lời góp ý của bạn.', now())")) {
                for (int i = 0; i < 30; i++) {
                    String chatId = Long.toString(7_000_000_000L + i);
                    recipients.add(chatId);
                    insert.setLong(1, comment);
                    insert.setString(2, chatId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(db, "SELECT count(*) FROM comment_reply_outbox WHERE comment_id = ? AND sent_at IS NULL", comment) > 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(count(db, "SELECT count(*) FROM comment_reply_outbox WHERE comment_id = ? AND sent_at IS NULL",
                    comment)).as("every answer sent by one instance or the other").isZero();
        }
        // Both instances poll every second: three more rounds would show any second sending.
        Thread.sleep(3000);
        for (String chatId : recipients) {
            assertThat(telegram.requests(TELEGRAM_SEND, r -> r.body().contains(chatId))).as("sent to " + chatId)
                    .hasSize(1);
        }
    }

    @Test
    @Order(4)
    void theSingleUseZaloRefreshTokenIsSpentOnce() {
        // Both instances were given the same hand-set pair; it is refreshed at once, by one of them only.
        zaloOauth.await(ZALO_REFRESH, r -> true, 1);
        assertThat(zaloOauth.requests(ZALO_REFRESH, r -> true)).hasSize(1);
    }

    @Test
    @Order(5)
    void stoppingAnInstanceLosesNoAcknowledgedRatingOrComment() throws Exception {
        RetryingClient client = new RetryingClient(balancer, Duration.ofMinutes(3));
        String run = letters(6);
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            loops.add(workers.submit(() -> {
                while (running.get()) {
                    int n = sequence.incrementAndGet();
                    try {
                        Acknowledged done = oneRecord(client, run, n);
                        if (done == null) {
                            failures.add("record " + n + " not acknowledged");
                        } else {
                            acknowledged.add(done);
                        }
                    } catch (Exception e) {
                        failures.add("record " + n + ": " + e);
                    }
                }
                return null;
            }));
        }
        try {
            awaitCount(acknowledged, 15);
            assertThat(b.stopGracefully()).as("instance b stopped on SIGTERM").isNotNegative();
            awaitCount(acknowledged, acknowledged.size() + 15);
            b.start();
            b.awaitHealthy(START_TIMEOUT);
            awaitCount(acknowledged, acknowledged.size() + 15);
            a.kill();
            awaitCount(acknowledged, acknowledged.size() + 15);
        } finally {
            running.set(false);
            workers.shutdown();
            assertThat(workers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
        for (Future<?> loop : loops) {
            loop.get();
        }
        System.out.printf("deployment test: %d records acknowledged, %d retries, %d broken connections%n",
                acknowledged.size(), client.retries.get(), client.brokenConnections.get());
        assertThat(failures).as("every record was acknowledged in the end").isEmpty();
        try (Connection db = DriverManager.getConnection(databaseUrl, user, password)) {
            List<String> wrong = new ArrayList<>();
            for (Acknowledged record : acknowledged) {
                long stored = count(db, record.query(), record.marker());
                if (stored != 1) {
                    wrong.add(record.kind() + " " + record.marker() + " stored " + stored + " times");
                }
            }
            assertThat(wrong).as("each acknowledged record stored exactly once").isEmpty();
        }
    }

    private record Acknowledged(String kind, String marker, String query) {
    }

    /** One satisfaction rating, comment or answer rating, retried until acknowledged; null if it never was. */
    private Acknowledged oneRecord(RetryingClient client, String run, int n) throws Exception {
        String marker = "deploy " + run + " " + letters(12);
        String key = run + "-" + n;
        switch (n % 3) {
            case 0 -> {
                String session = "deploy-" + run + "-" + n;
                RetryingClient.Answer chat = client.post("/api/v1/chat", chatBody(session, "đăng ký khai sinh cần gì"), null);
                if (chat.status() != 200) {
                    return unacknowledged(chat);
                }
                RetryingClient.Answer rated = client.post("/api/v1/satisfaction", JSON.writeValueAsString(Map.of(
                        "topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "web", "sessionId", session,
                        "comment", marker)), key);
                // An attempt stored on the instance that was killed before it answered: the retry, once it takes
                // the key over, is told the chat has already rated. The rating must then be there, once.
                boolean ratedByEarlierAttempt = rated.attempts() > 1 && rated.status() == 409
                        && rated.body().contains("already_rated");
                return rated.acknowledged() || ratedByEarlierAttempt ? new Acknowledged("satisfaction", marker,
                        "SELECT count(*) FROM satisfaction_rating WHERE comment = ?") : unacknowledged(rated);
            }
            case 1 -> {
                RetryingClient.Answer comment = client.post("/api/v1/comments", JSON.writeValueAsString(Map.of(
                        "text", "Góp ý thử triển khai " + marker, "field", "ho-tich")), key);
                return comment.acknowledged() ? new Acknowledged("comment", marker,
                        "SELECT count(*) FROM citizen_comment WHERE text LIKE '%' || ?") : unacknowledged(comment);
            }
            default -> {
                RetryingClient.Answer chat = client.post("/api/v1/chat", chatBody("deploy-" + run + "-" + n,
                        "lệ phí đăng ký kết hôn"), null);
                if (chat.status() != 200) {
                    return unacknowledged(chat);
                }
                Object messageId = JSON.readValue(chat.body(), Map.class).get("messageId");
                RetryingClient.Answer rated = client.post("/api/v1/feedback", JSON.writeValueAsString(Map.of(
                        "messageId", messageId, "helpful", false, "comment", marker)), key);
                return rated.acknowledged() ? new Acknowledged("answer_rating", marker,
                        "SELECT count(*) FROM answer_rating WHERE reason = ?") : unacknowledged(rated);
            }
        }
    }

    /** A final answer that is no acknowledgement: the test fails, saying what the client was told. */
    private static Acknowledged unacknowledged(RetryingClient.Answer answer) {
        throw new IllegalStateException("final answer " + answer.status() + " after " + answer.attempts()
                + " attempts: " + answer.body());
    }

    private ServiceInstance instance(String name, String jdbcUrl) {
        Map<String, String> environment = new HashMap<>();
        environment.put("DATASOURCES_DEFAULT_URL", jdbcUrl);
        environment.put("DATASOURCES_DEFAULT_USERNAME", user);
        environment.put("DATASOURCES_DEFAULT_PASSWORD", password);
        environment.put("DVC_DB_POOL_SIZE", "5");
        environment.put("DVC_TRUSTED_PROXIES", "127.0.0.1/32");
        environment.put("DVC_RATE_LIMIT_ENABLED", "true");
        environment.put("DVC_RATE_LIMIT_SHARED", "true");
        environment.put("DVC_RATE_LIMIT_PER_SESSION", "4");
        environment.put("DVC_RATE_LIMIT_PER_IP", "100000");
        environment.put("TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN);
        environment.put("TELEGRAM_WEBHOOK_SECRET", "deploy-secret");
        environment.put("TELEGRAM_API_URL", telegram.baseUrl());
        environment.put("CHANNELS_OUTBOX_INTERVAL", "1s");
        environment.put("ZALO_APP_ID", "4318855412337893151");
        environment.put("ZALO_APP_SECRET", "deploy-app-secret");
        environment.put("ZALO_OA_SECRET_KEY", "deploy-oa-secret");
        environment.put("ZALO_ACCESS_TOKEN", "deploy-hand-set-access");
        environment.put("ZALO_REFRESH_TOKEN", "deploy-hand-set-refresh");
        environment.put("ZALO_TOKEN_KEY", "deploy-test-token-key-of-32-characters-or-more");
        environment.put("ZALO_API_URL", zaloApi.baseUrl());
        environment.put("ZALO_OAUTH_URL", zaloOauth.baseUrl());
        // Every second rather than every 30 minutes: both instances find the hand-set pair due at once.
        environment.put("ZALO_TOKEN_CHECK_INTERVAL", "1s");
        return new ServiceInstance(name, dir, environment);
    }

    private void awaitBalancerUp() throws InterruptedException {
        RetryingClient client = new RetryingClient(balancer, Duration.ofSeconds(60));
        RetryingClient.Answer ping = client.post("/api/v1/chat", chatBody("deploy-ping-" + UUID.randomUUID(), "xin chào"), null);
        assertThat(ping.status()).as("HAProxy forwards to the instances\n" + haproxy.logTail()).isEqualTo(200);
    }

    private static Map<?, ?> chat(String url, String session, String text) throws Exception {
        RetryingClient.Answer answer = new RetryingClient(url, Duration.ofSeconds(60))
                .post("/api/v1/chat", chatBody(session, text), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return JSON.readValue(answer.body(), Map.class);
    }

    private static String chatBody(String session, String text) {
        try {
            return JSON.writeValueAsString(Map.of("sessionId", session, "text", text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstSource(Map<?, ?> reply) {
        return ((Map<?, ?>) ((List<?>) reply.get("sources")).get(0)).get("id").toString();
    }

    private static long insertComment(Connection db) throws SQLException {
        String code = "GY-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, status, received_at,
                    reject_due, info_due, answer_due, updated_at)
                VALUES (?, 'telegram', 'ho-tich', 'SO-TP', 'Góp ý', FALSE, 'answered', now(), current_date,
                    current_date, current_date, now()) RETURNING id""")) {
            insert.setString(1, code);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long count(Connection db, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void awaitCount(ConcurrentLinkedQueue<?> queue, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (queue.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + queue.size() + " of " + count + " records acknowledged in time");
            }
            Thread.sleep(100);
        }
    }

    private static String letters(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
