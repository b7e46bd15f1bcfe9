package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.FakeHttpServer;
import vn.dvcassistant.channel.FakeHttpServer.Request;
import vn.dvcassistant.channel.FakeHttpServer.Response;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.SendResult;

/** The real client against local servers speaking Zalo's OpenAPI and OAuth wire formats. */
class ZaloSenderTest {

    private static final String USER = "2468458835296117922";
    private static final String SEND = "/v3.0/oa/message/cs";
    private static final String REFRESH = "/v4/oa/access_token";
    private static final String SENT = """
            {"data":{"message_id":"%s","user_id":"2468458835296117922"},"error":0,"message":"Success"}""";
    private static final String EXPIRED = """
            {"error":-216,"message":"Access token is invalid"}""";
    private static final String REFRESHED = """
            {"access_token":"new-access-token","refresh_token":"new-refresh-token","expires_in":"90000"}""";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeHttpServer openApi = new FakeHttpServer();
    private final FakeHttpServer oauth = new FakeHttpServer();
    private final ZaloConfig config = ZaloConfig.of("4318855412337893151", "app-secret-xyz", "oa-secret")
            .withBaseUrls(openApi.baseUrl(), oauth.baseUrl())
            .withRetryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(5)));
    private final ZaloTokenStore tokens =
            new InMemoryZaloTokenStore(new ZaloTokens("old-access-token", "old-refresh-token", null));
    private final ZaloSender sender = new ZaloSender(config, tokens);

    @AfterEach
    void stop() {
        openApi.close();
        oauth.close();
    }

    @Test
    void answerIsPostedWithTheAccessTokenHeaderAndButtons() throws Exception {
        openApi.on(SEND, Response.json(200, SENT.formatted("msg-1")));
        Reply reply = Reply.text("Bạn nộp hồ sơ tại UBND cấp xã.")
                .withButtonRow(new Button("Hữu ích", "rate:up:a1"), new Button("Chưa hữu ích", "rate:down:a1"));

        SendResult result = sender.send(USER, reply);

        assertThat(result).isEqualTo(SendResult.delivered(1, List.of("msg-1")));
        Request request = openApi.requestsTo(SEND).get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("access_token")).isEqualTo("old-access-token");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("recipient").path("user_id").asText()).isEqualTo(USER);
        assertThat(body.path("message").path("text").asText()).isEqualTo("Bạn nộp hồ sơ tại UBND cấp xã.");
        assertThat(body.path("message").path("attachment").path("payload").path("buttons").get(1).path("payload").asText())
                .isEqualTo("#dvc:rate:down:a1");
    }

    @Test
    void expiredTokenIsRefreshedOnceSavedAndTheMessageSentAgain() {
        openApi.on(SEND, Response.json(200, EXPIRED), Response.json(200, SENT.formatted("msg-2")));
        oauth.on(REFRESH, Response.json(200, REFRESHED));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result).isEqualTo(SendResult.delivered(2, List.of("msg-2")));
        List<Request> sends = openApi.requestsTo(SEND);
        assertThat(sends).extracting(r -> r.header("access_token")).containsExactly("old-access-token", "new-access-token");
        Request refresh = oauth.requestsTo(REFRESH).get(0);
        assertThat(refresh.header("secret_key")).isEqualTo("app-secret-xyz");
        assertThat(refresh.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(refresh.body().split("&"))
                .containsExactlyInAnyOrder("refresh_token=old-refresh-token", "app_id=4318855412337893151",
                        "grant_type=refresh_token");
        assertThat(tokens.current().accessToken()).isEqualTo("new-access-token");
        assertThat(tokens.current().refreshToken()).isEqualTo("new-refresh-token");
        assertThat(tokens.current().expiresAt()).isNotNull();
    }

    @Test
    void tokenRejectedAgainAfterRefreshIsReportedAsFailed() {
        openApi.on(SEND, Response.json(200, EXPIRED));
        oauth.on(REFRESH, Response.json(200, REFRESHED));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.failureReason()).contains("-216").contains("again after refresh");
        assertThat(oauth.requestsTo(REFRESH)).hasSize(1);
    }

    @Test
    void refusedRefreshIsReportedWithZalosReason() {
        openApi.on(SEND, Response.json(200, EXPIRED));
        oauth.on(REFRESH, Response.json(200, """
                {"error_name":"Invalid parameter","error_reason":"refresh_token is invalid","error_description":"Invalid refresh token","error":-14014}"""));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.failureReason()).contains("Invalid refresh token");
        assertThat(tokens.current().accessToken()).isEqualTo("old-access-token");
        assertThat(openApi.requestsTo(SEND)).hasSize(1);
    }

    @Test
    void rateLimitAndServerErrorsAreRetried() {
        openApi.on(SEND, Response.json(429, "{\"error\":-32,\"message\":\"Too many requests\"}"),
                Response.html(503, "<html>Service Unavailable</html>"),
                Response.json(200, SENT.formatted("msg-3")));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result).isEqualTo(SendResult.delivered(3, List.of("msg-3")));
    }

    @Test
    void otherZaloErrorsFailAtOnceWithTheirMessage() {
        openApi.on(SEND, Response.json(200, "{\"error\":-213,\"message\":\"User has not followed OA\"}"));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failureReason()).isEqualTo(
                "Zalo error -213: User has not followed OA (the citizen does not follow the OA; permanent for this message)");
        assertThat(oauth.requests()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {-32, -100})
    void rateLimitAndTransientErrorsInAnOkBodyAreRetriedWithBackoff(int code) {
        openApi.on(SEND, Response.json(200, "{\"error\":" + code + ",\"message\":\"Please try again\"}"),
                Response.json(200, SENT.formatted("msg-4")));

        ZaloSendOutcome outcome = sender.deliver(USER, Reply.text("Xin chào"));

        assertThat(outcome.result()).isEqualTo(SendResult.delivered(2, List.of("msg-4")));
        List<Request> sends = openApi.requestsTo(SEND);
        assertThat(sends.get(1).receivedAtMillis() - sends.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aRateLimitThatDoesNotEndFailsAfterTheRetriesAndIsNotPermanent() {
        openApi.on(SEND, Response.json(200, "{\"error\":-32,\"message\":\"Exceed rate limit\"}"));

        ZaloSendOutcome outcome = sender.deliver(USER, Reply.text("Xin chào"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.result().attempts()).isEqualTo(3);
        assertThat(outcome.result().failureReason()).contains("-32").contains("rate limit").contains("gave up after 3");
        assertThat(outcome.permanent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {-213, -217, -227, -230, -232, -234, -244})
    void permanentErrorsFailAtOnceWithTheirReasonRecorded(int code) {
        openApi.on(SEND, Response.json(200, "{\"error\":" + code + ",\"message\":\"Refused\"}"));

        ZaloSendOutcome outcome = sender.deliver(USER, Reply.text("Xin chào"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.result().attempts()).isEqualTo(1);
        assertThat(outcome.result().failureReason()).startsWith("Zalo error " + code + ": Refused")
                .contains("permanent for this message");
        assertThat(outcome.zaloError()).isEqualTo(code);
        assertThat(outcome.permanent()).isTrue();
        assertThat(outcome.windowClosed()).isEqualTo(code == -230 || code == -232);
        assertThat(oauth.requests()).isEmpty();
    }

    @Test
    void nightTimeBanIsNamedInTheReason() {
        openApi.on(SEND, Response.json(200, "{\"error\":-234,\"message\":\"Cannot send at night\"}"));

        assertThat(sender.send(USER, Reply.text("Xin chào")).failureReason()).contains("at night");
    }

    @ParameterizedTest
    @ValueSource(ints = {-220, -124})
    void otherInvalidTokenCodesRefreshTheTokenToo(int code) {
        openApi.on(SEND, Response.json(200, "{\"error\":" + code + ",\"message\":\"Invalid access token\"}"),
                Response.json(200, SENT.formatted("msg-5")));
        oauth.on(REFRESH, Response.json(200, REFRESHED));

        SendResult result = sender.send(USER, Reply.text("Xin chào"));

        assertThat(result).isEqualTo(SendResult.delivered(2, List.of("msg-5")));
        assertThat(openApi.requestsTo(SEND)).extracting(r -> r.header("access_token"))
                .containsExactly("old-access-token", "new-access-token");
        assertThat(oauth.requestsTo(REFRESH)).hasSize(1);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheSend() {
        RecordingStore store = new RecordingStore(new ZaloTokens("old-access-token", "old-refresh-token",
                Instant.now().plus(Duration.ofMinutes(30))));
        openApi.on(SEND, Response.json(200, SENT.formatted("msg-6")));
        oauth.on(REFRESH, Response.json(200, REFRESHED));

        SendResult result = new ZaloSender(config, store).send(USER, Reply.text("Xin chào"));

        assertThat(result).isEqualTo(SendResult.delivered(1, List.of("msg-6")));
        assertThat(oauth.requestsTo(REFRESH)).hasSize(1);
        assertThat(openApi.requestsTo(SEND)).extracting(r -> r.header("access_token"))
                .containsExactly("new-access-token");
        assertThat(store.current().expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(24)));
    }

    @Test
    void aTokenFarFromExpiryIsNotRefreshed() {
        RecordingStore store = new RecordingStore(new ZaloTokens("old-access-token", "old-refresh-token",
                Instant.now().plus(Duration.ofHours(3))));
        openApi.on(SEND, Response.json(200, SENT.formatted("msg-7")));

        assertThat(new ZaloSender(config, store).send(USER, Reply.text("Xin chào")).delivered()).isTrue();
        assertThat(oauth.requests()).isEmpty();
    }

    @Test
    void aRefusedEarlyRefreshIsReportedToTheStoreAndTheStillValidTokenIsUsed() {
        RecordingStore store = new RecordingStore(new ZaloTokens("old-access-token", "old-refresh-token",
                Instant.now().plus(Duration.ofMinutes(10))));
        openApi.on(SEND, Response.json(200, SENT.formatted("msg-8")));
        oauth.on(REFRESH, Response.json(200, """
                {"error_name":"Invalid parameter","error_description":"Invalid refresh token","error":-14014}"""));

        SendResult result = new ZaloSender(config, store).send(USER, Reply.text("Xin chào"));

        assertThat(result.delivered()).isTrue();
        assertThat(openApi.requestsTo(SEND).get(0).header("access_token")).isEqualTo("old-access-token");
        assertThat(store.failures).singleElement().asString().contains("Invalid refresh token");
    }

    @Test
    void templateMessageIsPostedToTheTemplateAddressWithTheAccessToken() throws Exception {
        FakeHttpServer business = new FakeHttpServer();
        try {
            business.on("/message/template", Response.json(200, """
                    {"error":-216,"message":"Access token is invalid"}"""), Response.json(200, """
                    {"error":0,"message":"Success","data":{"msg_id":"zns-1","sent_time":"1763800000000"}}"""));
            oauth.on(REFRESH, Response.json(200, REFRESHED));
            ZaloSender templates = new ZaloSender(config.withTemplateUrl(
                    URI.create(business.baseUrl() + "/message/template")), tokens);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("ma_gop_y", "GY-7K3M9Q");
            data.put("co_quan", "Sở Tư pháp");

            ZaloSendOutcome outcome = templates.sendTemplate(USER, new ZaloTemplateMessage("301234", data, "outbox-17"));

            assertThat(outcome.result()).isEqualTo(SendResult.delivered(2, List.of("zns-1")));
            Request request = business.requestsTo("/message/template").get(1);
            assertThat(request.header("access_token")).isEqualTo("new-access-token");
            assertThat(request.header("Content-Type")).startsWith("application/json");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("recipient").path("user_id").asText()).isEqualTo(USER);
            assertThat(body.path("template_id").asText()).isEqualTo("301234");
            assertThat(body.path("template_data").path("ma_gop_y").asText()).isEqualTo("GY-7K3M9Q");
            assertThat(body.path("template_data").path("co_quan").asText()).isEqualTo("Sở Tư pháp");
            assertThat(body.path("tracking_id").asText()).isEqualTo("outbox-17");
            assertThat(openApi.requests()).isEmpty();
        } finally {
            business.close();
        }
    }

    /** A store that remembers the refresh failures it was told about. */
    private static final class RecordingStore implements ZaloTokenStore {
        private ZaloTokens tokens;
        final List<String> failures = new java.util.ArrayList<>();

        RecordingStore(ZaloTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public ZaloTokens current() {
            return tokens;
        }

        @Override
        public void save(ZaloTokens newTokens) {
            tokens = newTokens;
        }

        @Override
        public void refreshFailed(String reason) {
            failures.add(reason);
        }
    }

    @Test
    void longAnswerIsSentAsSeveralMessagesInOrder() throws Exception {
        openApi.on(SEND, Response.json(200, SENT.formatted("m1")), Response.json(200, SENT.formatted("m2")));
        Reply reply = Reply.of(new vn.dvcassistant.channel.ReplyPart.Paragraph("Một. ".repeat(300).strip()),
                new vn.dvcassistant.channel.ReplyPart.Paragraph("Hai. ".repeat(300).strip()));

        SendResult result = sender.send(USER, reply);

        assertThat(result.messageIds()).containsExactly("m1", "m2");
        List<Request> sends = openApi.requestsTo(SEND);
        assertThat(json.readTree(sends.get(0).body()).path("message").path("text").asText()).startsWith("Một.");
        assertThat(json.readTree(sends.get(1).body()).path("message").path("text").asText()).startsWith("Hai.");
    }
}
