package vn.dvcassistant.app.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.ChannelIdle;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Request;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.conversation.SessionKeys;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Zalo OA channel end to end: signed webhooks in, the real sender out to local OpenAPI and OAuth fakes. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloChannelTest implements TestPropertyProvider {

    static final String APP_ID = "4318855412337893151";
    static final String OA_SECRET = "oa-secret-key-test";
    static final String SEND = "/v3.0/oa/message/cs";
    static final String REFRESH = "/v4/oa/access_token";
    static final String SENT = """
            {"data":{"message_id":"m1","user_id":"1"},"error":0,"message":"Success"}""";
    static final String EXPIRED = """
            {"error":-216,"message":"Access token is invalid"}""";

    private final FakeApiServer openApi = new FakeApiServer();
    private final FakeApiServer oauth = new FakeApiServer();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    vn.dvcassistant.app.agencies.AgencyChanges agencyChanges;

    @Inject
    vn.dvcassistant.app.province.AgencyDirectory agencyDirectory;

    @Override
    public Map<String, String> getProperties() {
        openApi.on(SEND, new Response(200, SENT));
        Map<String, String> properties = properties();
        properties.putAll(FakeApiServer.freePortProperties());
        return properties;
    }

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("channels.zalo.app-id", APP_ID);
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", OA_SECRET);
        properties.put("channels.zalo.access-token", "configured-access-token");
        properties.put("channels.zalo.refresh-token", "configured-refresh-token");
        properties.put("channels.zalo.api-url", openApi.baseUrl());
        properties.put("channels.zalo.oauth-url", oauth.baseUrl());
        properties.put("channels.zalo.retry-initial-backoff", "20ms");
        properties.put("channels.zalo.retry-max-backoff", "80ms");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        openApi.close();
        oauth.close();
    }

    @Test
    void signedTextIsAnsweredWithTheStoredAccessTokenWithoutStoringTheUserId() throws Exception {
        String user = newUserId();
        assertThat(post(http, text(user, msgId(user), "lệ phí đăng ký kết hôn"), true).code()).isEqualTo(200);

        List<Request> sent = openApi.await(SEND, to(user), 2);
        assertThat(sent).allSatisfy(r -> assertThat(r.header("access_token")).isNotBlank());
        JsonNode answer = json.readTree(sent.get(1).body());
        assertThat(answer.path("recipient").path("user_id").asText()).isEqualTo(user);
        assertThat(answer.path("message").path("text").asText()).containsIgnoringCase("kết hôn");
        assertThat(answer.path("message").path("attachment").path("payload").path("buttons").get(0)
                .path("payload").asText()).startsWith("#dvc:rate:up:");
        TestDatabase db = new TestDatabase(transactions);
        assertThat(db.count("SELECT count(*) FROM channel_contact WHERE chat_id = ?", user)).isZero();
        assertThat(db.count("SELECT count(*) FROM channel_delivery WHERE delivery_id LIKE ?", "%" + user + "%")).isZero();
    }

    @Test
    void aProcedureAnswerIsFollowedByTheSatisfactionOfferAndAPressIsRecordedOnce() throws Exception {
        String user = newUserId();
        TestDatabase db = new TestDatabase(transactions);
        long before = zaloRatings(db);
        post(http, text(user, msgId(user), "đăng ký khai sinh"), true);

        // Zalo splits the long answer into several messages; the offer comes after the last of them.
        Request offerRequest = openApi.await(SEND, to(user).and(containing("#dvc:did:")), 1).get(0);
        List<Request> sent = openApi.requests(SEND, to(user));
        assertThat(sent.get(sent.size() - 1)).isSameAs(offerRequest);
        // Before it: the short answer with its rating, then one button per part of the answer.
        assertThat(sent.get(sent.size() - 3).body()).contains("#dvc:rate:up:");
        JsonNode parts = json.readTree(sent.get(sent.size() - 2).body()).path("message");
        assertThat(parts.path("text").asText()).isEqualTo("Xem từng phần:");
        assertThat(parts.path("attachment").path("payload").path("buttons")).extracting(b -> b.path("title").asText())
                .containsExactly("Các bước", "Giấy tờ", "Lệ phí", "Thời gian", "Nơi làm");
        assertThat(parts.path("attachment").path("payload").path("buttons").get(2).path("payload").asText())
                .isEqualTo("#dvc:part:fee:dang-ky-khai-sinh");
        JsonNode offer = json.readTree(offerRequest.body()).path("message");
        assertThat(offer.path("text").asText()).isEqualTo("Bạn đã làm thủ tục «Đăng ký khai sinh» chưa? "
                + "Nếu đã làm, bạn hãy đánh giá mức độ hài lòng.");
        assertThat(offer.path("attachment").path("payload").path("buttons")).extracting(b -> b.path("payload").asText())
                .containsExactly("#dvc:did:y:dang-ky-khai-sinh", "#dvc:did:n:dang-ky-khai-sinh");

        // A press comes back as a hidden user_send_text carrying the payload.
        post(http, text(user, msgId(user), "#dvc:did:y:dang-ky-khai-sinh"), true);
        JsonNode levels = json.readTree(openApi.await(SEND, to(user).and(containing("#dvc:sat:")), 1).get(0).body())
                .path("message");
        assertThat(levels.path("text").asText()).isEqualTo("Bạn đánh giá thế nào về thủ tục «Đăng ký khai sinh»? "
                + "Hãy chọn một mức dưới đây.");
        JsonNode buttons = levels.path("attachment").path("payload").path("buttons");
        assertThat(buttons).hasSize(3).allSatisfy(b -> assertThat(b.path("type").asText()).isEqualTo("oa.query.hide"));
        assertThat(buttons).extracting(b -> b.path("title").asText())
                .containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
        assertThat(buttons).extracting(b -> b.path("payload").asText()).containsExactly(
                "#dvc:sat:rat_hai_long:dang-ky-khai-sinh", "#dvc:sat:hai_long:dang-ky-khai-sinh",
                "#dvc:sat:khong_hai_long:dang-ky-khai-sinh");

        post(http, text(user, msgId(user), "#dvc:sat:khong_hai_long:dang-ky-khai-sinh"), true);
        JsonNode where = json.readTree(openApi.await(SEND, to(user).and(containing("#dvc:sa:3:")), 1).get(0).body())
                .path("message");
        assertThat(where.path("text").asText()).isEqualTo("Bạn đã làm thủ tục ở cơ quan nào?");
        assertThat(where.path("attachment").path("payload").path("buttons")).extracting(b -> b.path("payload").asText())
                .contains("#dvc:sa:3:dang-ky-khai-sinh:SO-TP", "#dvc:sa:3:dang-ky-khai-sinh:-");
        assertThat(zaloRatings(db)).isEqualTo(before);

        post(http, text(user, msgId(user), "#dvc:sa:3:dang-ky-khai-sinh:SO-TP"), true);
        Request thanks = openApi.await(SEND, to(user).and(containing("Cảm ơn bạn đã đánh giá thủ tục")), 1).get(0);
        assertThat(json.readTree(thanks.body()).path("message").path("text").asText())
                .contains("«Đăng ký khai sinh»").contains("chưa hài lòng").contains("góp ý");
        assertThat(zaloRatings(db)).isEqualTo(before + 1);
        assertThat(db.column("""
                SELECT field || '/' || level || '/' || satisfied || '/' || agency || '/' || coalesce(comment, '-')
                FROM satisfaction_rating WHERE topic_id = 'dang-ky-khai-sinh' AND channel = 'zalo'
                ORDER BY id DESC LIMIT 1""")).containsExactly("ho-tich/khong_hai_long/false/SO-TP/-");

        post(http, text(user, msgId(user), "#dvc:sa:3:dang-ky-khai-sinh:SO-TP"), true);
        openApi.await(SEND, to(user).and(containing("Bạn đã đánh giá thủ tục này rồi.")), 1);
        assertThat(zaloRatings(db)).isEqualTo(before + 1);

        // The same procedure again, then portal help (dvc-chung): answered, without an offer.
        post(http, text(user, msgId(user), "đăng ký khai sinh"), true);
        openApi.await(SEND, to(user).and(containing("#dvc:rate:up:")), 2);
        post(http, text(user, msgId(user), "#dvc:topic:nop-ho-so-truc-tuyen"), true);
        openApi.await(SEND, to(user).and(containing("#dvc:rate:up:")), 3);
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.ZALO);
        assertThat(openApi.requests(SEND, to(user).and(containing("#dvc:did:")))).hasSize(1);
    }

    @Test
    void withTheCommunesLoadedTheCitizenTypesTheirCommuneAndTheRatingCarriesItsAgency() throws Exception {
        String p = "ZL" + java.util.UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
        // On another thread: this class's test methods run in a transaction, and the webhook's workers must see it.
        java.util.concurrent.CompletableFuture.runAsync(() -> agencyChanges.apply(List.of(
                new vn.dvcassistant.app.agencies.AgencyChanges.Row(2, new vn.dvcassistant.app.province.AgencyDraft(
                        p + "BL", "UBND xã Bình Lục", null, vn.dvcassistant.app.province.AgencyKind.COMMUNE_COMMITTEE, java.util.Set.of())),
                new vn.dvcassistant.app.agencies.AgencyChanges.Row(3, new vn.dvcassistant.app.province.AgencyDraft(
                        p + "BM", "UBND xã Bình Mỹ", null, vn.dvcassistant.app.province.AgencyKind.COMMUNE_COMMITTEE, java.util.Set.of()))),
                List.of(), "test")).join();
        try {
            String user = newUserId();
            TestDatabase db = new TestDatabase(transactions);
            post(http, text(user, msgId(user), "đăng ký khai sinh"), true);
            openApi.await(SEND, to(user).and(containing("#dvc:did:")), 1);
            post(http, text(user, msgId(user), "#dvc:did:y:dang-ky-khai-sinh"), true);
            openApi.await(SEND, to(user).and(containing("#dvc:sat:")), 1);
            post(http, text(user, msgId(user), "#dvc:sat:hai_long:dang-ky-khai-sinh"), true);
            JsonNode where = json.readTree(openApi.await(SEND, to(user).and(containing("#dvc:sk:2:")), 1).get(0).body())
                    .path("message");
            assertThat(where.path("attachment").path("payload").path("buttons")).extracting(b -> b.path("title").asText())
                    .startsWith("UBND xã/phường").endsWith("Không nhớ");

            post(http, text(user, msgId(user), "#dvc:sk:2:dang-ky-khai-sinh:ubnd-xa"), true);
            openApi.await(SEND, to(user).and(containing("Bạn làm thủ tục ở xã, phường nào?")), 1);
            post(http, text(user, msgId(user), "Bình Mỹ"), true);
            JsonNode matches = json.readTree(openApi.await(SEND, to(user).and(containing("Bạn chọn đúng xã, phường")), 1)
                    .get(0).body()).path("message");
            assertThat(matches.path("attachment").path("payload").path("buttons")).extracting(b -> b.path("payload").asText())
                    .startsWith("#dvc:sa:2:dang-ky-khai-sinh:" + p + "BM").endsWith("#dvc:sa:2:dang-ky-khai-sinh:-");

            post(http, text(user, msgId(user), "#dvc:sa:2:dang-ky-khai-sinh:" + p + "BM"), true);
            openApi.await(SEND, to(user).and(containing("Cảm ơn bạn đã đánh giá thủ tục")), 1);
            assertThat(db.column("""
                    SELECT agency FROM satisfaction_rating WHERE topic_id = 'dang-ky-khai-sinh' AND channel = 'zalo'
                    ORDER BY id DESC LIMIT 1""")).containsExactly(p + "BM");
        } finally {
            java.util.concurrent.CompletableFuture.runAsync(() -> vn.dvcassistant.app.province.AgencyTestData.retire(
                    transactions, agencyDirectory, p)).join();
        }
    }

    /** Zalo has no toast: the thanks goes in the same message as the apology, not in one of its own. */
    @Test
    void notHelpfulIsAcknowledgedInOneMessage() throws Exception {
        String user = newUserId();
        post(http, text(user, msgId(user), "lệ phí đăng ký kết hôn"), true);
        Request answer = openApi.await(SEND, to(user).and(containing("#dvc:rate:down:")), 1).get(0);
        String down = null;
        for (JsonNode button : json.readTree(answer.body()).path("message").path("attachment").path("payload")
                .path("buttons")) {
            if (button.path("payload").asText().startsWith("#dvc:rate:down:")) {
                down = button.path("payload").asText();
            }
        }
        openApi.await(SEND, to(user).and(containing("#dvc:did:")), 1); // the answer's last message
        int before = openApi.requests(SEND, to(user)).size();

        post(http, text(user, msgId(user), down), true);

        Request reply = openApi.await(SEND, to(user), before + 1).get(before);
        assertThat(json.readTree(reply.body()).path("message").path("text").asText())
                .startsWith("Cảm ơn bạn đã đánh giá câu trả lời.\n\nXin lỗi vì câu trả lời chưa giúp được bạn.");
        FakeApiServer.sleep(500);
        assertThat(openApi.requests(SEND, to(user))).hasSize(before + 1);
    }

    @Test
    void aCommentTakenWithConsentSaysTheAnswerComesWhenTheCitizenWritesAgain() throws Exception {
        String user = newUserId();
        post(http, text(user, msgId(user), "#dvc:consent:yes"), true);
        openApi.await(SEND, to(user), 1);
        post(http, text(user, msgId(user), "góp ý"), true);
        openApi.await(SEND, to(user), 2);
        post(http, text(user, msgId(user), "Cán bộ một cửa tiếp dân rất nhiệt tình."), true);

        String taken = json.readTree(openApi.await(SEND, to(user).and(containing("GY-")), 1).get(0).body())
                .path("message").path("text").asText();
        assertThat(taken).contains("/gop-y/tra-cuu?ma=GY-").endsWith("Câu trả lời sẽ có ở trang theo dõi trên. "
                + "Zalo chỉ cho chúng tôi nhắn bạn trong 48 giờ sau tin nhắn gần nhất của bạn. Nếu khi có câu trả lời "
                + "bạn vừa nhắn cho chúng tôi, câu trả lời được gửi vào đây. Nếu không, chúng tôi gửi ngay khi bạn nhắn lại.");
    }

    @Test
    void aCommentTakenWithoutConsentPromisesNothingInTheChat() throws Exception {
        String user = newUserId();
        post(http, text(user, msgId(user), "góp ý"), true);
        openApi.await(SEND, to(user), 2);
        post(http, text(user, msgId(user), "Trang dịch vụ công chạy chậm."), true);

        String taken = json.readTree(openApi.await(SEND, to(user).and(containing("GY-")), 1).get(0).body())
                .path("message").path("text").asText();
        assertThat(taken).contains("/gop-y/tra-cuu?ma=GY-").doesNotContain("Zalo chỉ cho chúng tôi nhắn bạn");
    }

    @Test
    void aTypedOrForgedSatisfactionPayloadStoresNothing() {
        String user = newUserId();
        TestDatabase db = new TestDatabase(transactions);
        long total = db.count("SELECT count(*) FROM satisfaction_rating");
        post(http, text(user, msgId(user), "#dvc:sa:1:dang-ky-ket-hon:-"), true);
        openApi.await(SEND, to(user), 1);
        post(http, text(user, msgId(user), "#dvc:sa:1:khong-co-thu-tuc-nay:-"), true);
        List<Request> sent = openApi.await(SEND, to(user), 2);
        assertThat(sent.get(0).body()).contains("Nút này đã cũ");
        assertThat(sent.get(1).body()).contains("Không tìm thấy chủ đề này.");
        assertThat(db.count("SELECT count(*) FROM satisfaction_rating")).isEqualTo(total);
    }

    private static long zaloRatings(TestDatabase db) {
        return db.count("SELECT count(*) FROM satisfaction_rating WHERE topic_id = 'dang-ky-khai-sinh' AND channel = 'zalo'");
    }

    @Test
    void missingOrWrongSignatureIsRefusedAndNothingIsStored() {
        String user = newUserId();
        String msgId = msgId(user);
        String body = text(user, msgId, "xin chào");
        HttpClientResponseException missing = catchThrowableOfType(() -> http.toBlocking().exchange(
                HttpRequest.POST("/webhooks/zalo", body).contentType(MediaType.APPLICATION_JSON_TYPE)),
                HttpClientResponseException.class);
        assertThat(missing.getStatus().getCode()).isEqualTo(401);
        assertThat(missing.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "webhook_signature_missing");

        HttpClientResponseException wrong = catchThrowableOfType(() -> post(http, body, false),
                HttpClientResponseException.class);
        assertThat(wrong.getStatus().getCode()).isEqualTo(401);
        assertThat(wrong.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "webhook_signature_invalid");

        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.ZALO);
        assertThat(new TestDatabase(transactions).count(
                "SELECT count(*) FROM channel_delivery WHERE channel = 'zalo' AND delivery_id = ?", msgId)).isZero();
        assertThat(openApi.requests(SEND, to(user))).isEmpty();
    }

    @Test
    void aSignedEventOlderThanTenMinutesIsRefusedAndNothingIsStored() {
        String user = newUserId();
        String msgId = msgId(user);
        String body = text(user, msgId, "xin chào").replaceAll("\"timestamp\":\"\\d+\"",
                "\"timestamp\":\"" + (System.currentTimeMillis() - 11 * 60_000L) + "\"");
        HttpClientResponseException stale = catchThrowableOfType(() -> post(http, body, true),
                HttpClientResponseException.class);
        assertThat(stale.getStatus().getCode()).isEqualTo(401);
        assertThat(stale.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "webhook_event_stale");

        String recent = text(user, msgId(user), "xin chào").replaceAll("\"timestamp\":\"\\d+\"",
                "\"timestamp\":\"" + (System.currentTimeMillis() - 9 * 60_000L) + "\"");
        assertThat(post(http, recent, true).getStatus().getCode()).as("nine minutes late is a redelivery").isEqualTo(200);
        // The accepted greeting is answered in two messages (notice and consent, then the greeting); the stale
        // one, answered too, would have made four.
        openApi.await(SEND, to(user), 2);
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.ZALO);
        assertThat(new TestDatabase(transactions).count(
                "SELECT count(*) FROM channel_delivery WHERE channel = 'zalo' AND delivery_id = ?", msgId)).isZero();
        assertThat(openApi.requests(SEND, to(user))).hasSize(2);
    }

    @Test
    void aRedeliveredMessageIsAnsweredOnce() {
        String user = newUserId();
        String body = image(user, msgId(user));
        post(http, body, true);
        post(http, body, true);
        assertThat(openApi.await(SEND, to(user), 1).get(0).body()).contains("chỉ hiểu câu hỏi gõ bằng chữ");
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.ZALO);
        assertThat(openApi.requests(SEND, to(user))).hasSize(1);
    }

    @Test
    void followIsWelcomedAndUnfollowIsRecordedWithoutTheUserId() {
        String user = newUserId();
        post(http, follow("follow", user), true);
        List<Request> welcome = openApi.await(SEND, to(user), 2);
        assertThat(welcome.get(0).body()).contains("trợ lý tự động").contains("#dvc:consent:yes");

        post(http, follow("unfollow", user), true);
        TestDatabase db = new TestDatabase(transactions);
        long deadline = System.currentTimeMillis() + 5000;
        String key = SessionKeys.of(Channel.ZALO, user);
        while (db.count("SELECT count(*) FROM channel_contact WHERE session_key = ? AND unfollowed_at IS NOT NULL", key) == 0
                && System.currentTimeMillis() < deadline) {
            FakeApiServer.sleep(20);
        }
        assertThat(db.column("SELECT chat_id FROM channel_contact WHERE session_key = ? AND unfollowed_at IS NOT NULL", key))
                .containsExactly((Object) null);
        assertThat(openApi.requests(SEND, to(user))).hasSize(2);
    }

    @Test
    void healthShowsWhenTheAccessTokenExpiresAndWhenItWasLastRefreshed() {
        committed("UPDATE zalo_token SET expires_at = '2026-12-05T10:00:00Z', refreshed_at = '2026-12-04T09:00:00Z', "
                + "refresh_failed_at = NULL, refresh_failure = NULL WHERE id = 1");

        Map<?, ?> zalo = zaloHealth();

        assertThat(zalo.get("enabled")).isEqualTo(true);
        assertThat(zalo.get("tokenExpiresAt")).isEqualTo("2026-12-05T10:00:00Z");
        assertThat(zalo.get("tokenLastRefreshAt")).isEqualTo("2026-12-04T09:00:00Z");
        assertThat(zalo.get("tokenRefreshFailure")).isNull();

        committed("UPDATE zalo_token SET refresh_failed_at = now(), refresh_failure = 'token refresh refused' WHERE id = 1");
        assertThat(zaloHealth().get("tokenAlert")).isEqualTo(true);
        assertThat(zaloHealth().get("tokenRefreshFailure")).isEqualTo("token refresh refused");
        committed("UPDATE zalo_token SET refresh_failed_at = NULL, refresh_failure = NULL WHERE id = 1");
    }

    /** Outside the test's own transaction, so that the service's connections see it. */
    private void committed(String sql) {
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            try (java.sql.PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                return statement.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Inject
    vn.dvcassistant.app.channel.ChannelStatus channelStatus;

    /**
     * What /health shows an admin about Zalo: the channel's details from ChannelStatus, which the health
     * indicator reports (anonymous callers see only UP or DOWN; HealthAndMetricsTest checks that admins see them).
     */
    private Map<?, ?> zaloHealth() {
        return channelStatus.details(vn.dvcassistant.channel.Channel.ZALO);
    }

    /** Runs last in effect: it changes the stored tokens, which the other tests do not look at. */
    @Test
    void expiredTokenIsRefreshedOnceKeptInPostgresAndUsedAfterARestart() throws Exception {
        String user = newUserId();
        openApi.on(SEND, new Response(200, EXPIRED), new Response(200, SENT));
        oauth.on(REFRESH, new Response(200, """
                {"access_token":"refreshed-access-token","refresh_token":"refreshed-refresh-token","expires_in":"90000"}"""));
        try {
            post(http, image(user, msgId(user)), true);
            List<Request> calls = openApi.await(SEND, to(user), 2);
            assertThat(calls.get(1).header("access_token")).isEqualTo("refreshed-access-token");
        } finally {
            openApi.on(SEND, new Response(200, SENT));
        }
        Request refresh = oauth.await(REFRESH, r -> true, 1).get(0);
        assertThat(refresh.header("secret_key")).isEqualTo("app-secret-xyz");
        assertThat(refresh.body()).contains("grant_type=refresh_token").contains("app_id=" + APP_ID);
        TestDatabase db = new TestDatabase(transactions);
        // Kept encrypted: a copy of the database does not hand over the OA.
        String stored = db.column("SELECT access_token || ' ' || refresh_token FROM zalo_token").get(0).toString();
        assertThat(stored).startsWith("v1:").doesNotContain("refreshed-access-token")
                .doesNotContain("refreshed-refresh-token").doesNotContain("configured-");

        // A restart with the same configured (now dead) tokens keeps using the refreshed pair.
        Map<String, Object> restart = new HashMap<>(properties());
        restart.putAll(FakeApiServer.freePortProperties());
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, restart, "test");
             HttpClient client = HttpClient.create(new URL("http://127.0.0.1:" + server.getPort()))) {
            String other = newUserId();
            post(client, image(other, msgId(other)), true);
            assertThat(openApi.await(SEND, to(other), 1).get(0).header("access_token")).isEqualTo("refreshed-access-token");
        }
        assertThat(oauth.requests(REFRESH, r -> true)).hasSize(1);
    }

    private static java.util.function.Predicate<Request> containing(String text) {
        return r -> r.body().contains(text);
    }

    static java.util.function.Predicate<Request> to(String user) {
        return r -> r.body().contains("\"user_id\":\"" + user + "\"");
    }

    static HttpResponse<?> post(HttpClient client, String body, boolean signed) {
        String signature = signed ? mac(body) : "mac=" + "0".repeat(64);
        return client.toBlocking().exchange(HttpRequest.POST("/webhooks/zalo", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-ZEvent-Signature", signature));
    }

    static String mac(String body) {
        String timestamp = body.replaceAll("(?s).*\"timestamp\"\\s*:\\s*\"(\\d+)\".*", "$1");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((APP_ID + body + timestamp + OA_SECRET).getBytes(StandardCharsets.UTF_8));
            return "mac=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zalo's msg_id is its own hex id, unrelated to the user id. */
    static String msgId(String user) {
        return Long.toHexString(ThreadLocalRandom.current().nextLong()) + Integer.toHexString(user.hashCode());
    }

    static String newUserId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
    }

    static String text(String user, String msgId, String text) {
        return """
                {"app_id":"%s","user_id_by_app":"5821907463120876510","event_name":"user_send_text","timestamp":"%d",\
                "sender":{"id":"%s"},"recipient":{"id":"579745863508352884"},"message":{"text":"%s","msg_id":"%s"}}"""
                .formatted(APP_ID, System.currentTimeMillis(), user, text, msgId);
    }

    static String image(String user, String msgId) {
        return """
                {"app_id":"%s","event_name":"user_send_image","timestamp":"%d","sender":{"id":"%s"},\
                "recipient":{"id":"579745863508352884"},"message":{"msg_id":"%s","attachments":[{"type":"image",\
                "payload":{"url":"https://example.vn/a.jpg"}}]}}"""
                .formatted(APP_ID, System.currentTimeMillis(), user, msgId);
    }

    private static String follow(String event, String user) {
        return """
                {"oa_id":"579745863508352884","follower":{"id":"%s"},"event_name":"%s","source":"oa_profile",\
                "app_id":"%s","timestamp":"%d"}"""
                .formatted(user, event, APP_ID, System.currentTimeMillis());
    }
}
