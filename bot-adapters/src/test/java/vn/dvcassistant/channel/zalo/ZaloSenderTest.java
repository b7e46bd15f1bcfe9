package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
        assertThat(result.failureReason()).isEqualTo("Zalo error -213: User has not followed OA");
        assertThat(oauth.requests()).isEmpty();
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
