package vn.dvcassistant.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.FakeHttpServer;
import vn.dvcassistant.channel.FakeHttpServer.Request;
import vn.dvcassistant.channel.FakeHttpServer.Response;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.SendResult;

/** The real client against a local server speaking the Bot API's wire format. */
class TelegramSenderTest {

    private static final String TOKEN = "123456789:AAE-test_token";
    private static final String SEND = "/bot" + TOKEN + "/sendmessage";
    private static final String OK = """
            {"ok":true,"result":{"message_id":%d,"date":1763800000,"chat":{"id":7012345678,"type":"private"},"text":"x"}}""";
    private static final String TOO_MANY = """
            {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""";
    private static final String BAD_GATEWAY = """
            {"ok":false,"error_code":502,"description":"Bad Gateway"}""";
    private static final String CHAT_NOT_FOUND = """
            {"ok":false,"error_code":400,"description":"Bad Request: chat not found"}""";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeHttpServer botApi = new FakeHttpServer();
    private final TelegramConfig config = TelegramConfig.of(TOKEN, "dvc-secret", "dvc_tro_ly_bot")
            .withApiBaseUrl(botApi.baseUrl())
            .withRetryPolicy(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(80), Duration.ofSeconds(5)));
    private final TelegramSender sender = new TelegramSender(config);

    @AfterEach
    void stop() {
        botApi.close();
    }

    @Test
    void answerArrivesAsHtmlWithAnInlineKeyboard() throws Exception {
        botApi.on(SEND, Response.json(200, OK.formatted(501)));
        Reply reply = Reply.of(new ReplyPart.Paragraph("Phí: 0 đồng & nộp online"),
                        new ReplyPart.Link("Cổng DVC", "https://dichvucong.gov.vn"))
                .withButtonRow(new Button("Hữu ích", "rate:up:a1"), new Button("Chưa hữu ích", "rate:down:a1"));

        SendResult result = sender.send("7012345678", reply);

        assertThat(result).isEqualTo(SendResult.delivered(1, List.of("501")));
        Request request = botApi.requestsTo(SEND).get(0);
        assertThat(request.method()).isEqualTo("POST");
        JsonNode body = json.readTree(request.body());
        assertThat(body.path("chat_id").asText()).isEqualTo("7012345678");
        assertThat(body.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(body.path("text").asText())
                .isEqualTo("Phí: 0 đồng &amp; nộp online\n\n<a href=\"https://dichvucong.gov.vn\">Cổng DVC</a>");
        JsonNode row = body.path("reply_markup").path("inline_keyboard").get(0);
        assertThat(row.get(0).path("text").asText()).isEqualTo("Hữu ích");
        assertThat(row.get(0).path("callback_data").asText()).isEqualTo("rate:up:a1");
        assertThat(row.get(1).path("callback_data").asText()).isEqualTo("rate:down:a1");
    }

    @Test
    void rateLimitedMessageIsSentAfterTelegramsRetryAfter() {
        botApi.on(SEND, Response.json(429, TOO_MANY), Response.json(200, OK.formatted(502)));

        SendResult result = sender.send("7012345678", Reply.text("Xin chào"));

        assertThat(result.delivered()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        List<Request> calls = botApi.requestsTo(SEND);
        assertThat(calls).hasSize(2);
        long waited = calls.get(1).receivedAtMillis() - calls.get(0).receivedAtMillis();
        assertThat(waited).as("waited retry_after = 1 s, not the 20 ms backoff").isGreaterThanOrEqualTo(950);
    }

    @Test
    void rateLimitLongerThanWeHoldAMessageFailsAtOnce() {
        botApi.on(SEND, Response.json(429, TOO_MANY.replace("\"retry_after\":1", "\"retry_after\":60")));

        SendResult result = sender.send("7012345678", Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failureReason()).contains("429").contains("asked to wait 60 s");
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        botApi.on(SEND, Response.json(502, BAD_GATEWAY),
                Response.html(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
                Response.json(200, OK.formatted(503)));

        SendResult result = sender.send("7012345678", Reply.text("Xin chào"));

        assertThat(result).isEqualTo(SendResult.delivered(3, List.of("503")));
    }

    @Test
    void permanentErrorIsReportedWithItsReasonAndNotRetried() {
        botApi.on(SEND, Response.json(400, CHAT_NOT_FOUND));

        SendResult result = sender.send("7012345678", Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failureReason()).contains("400").contains("chat not found");
        assertThat(botApi.requestsTo(SEND)).hasSize(1);
    }

    @Test
    void outageLongerThanTheRetryBudgetIsReportedAsFailed() {
        botApi.on(SEND, Response.json(502, BAD_GATEWAY));

        SendResult result = sender.send("7012345678", Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.failureReason()).contains("502").contains("gave up after 4 attempts");
    }

    @Test
    void unreachableServerIsReportedAsFailedNotThrown() {
        TelegramConfig nowhere = config.withApiBaseUrl(java.net.URI.create("http://127.0.0.1:1"));

        SendResult result = new TelegramSender(nowhere).send("7012345678", Reply.text("Xin chào"));

        assertThat(result.delivered()).isFalse();
        assertThat(result.failureReason()).contains("network error");
    }

    @Test
    void longAnswerGoesAsSeveralMessagesInOrderWithTheKeyboardOnTheLast() throws Exception {
        botApi.on(SEND, Response.json(200, OK.formatted(601)), Response.json(200, OK.formatted(602)));
        List<ReplyPart> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(new ReplyPart.Paragraph(("Phần " + i + " ").repeat(250).strip()));
        }
        Reply reply = new Reply(parts, List.of(List.of(new Button("Hữu ích", "rate:up:a1"))));

        SendResult result = sender.send("7012345678", reply);

        assertThat(result.delivered()).isTrue();
        assertThat(result.messageIds()).containsExactly("601", "602");
        List<Request> calls = botApi.requestsTo(SEND);
        assertThat(json.readTree(calls.get(0).body()).path("text").asText()).startsWith("Phần 0");
        assertThat(json.readTree(calls.get(0).body()).has("reply_markup")).isFalse();
        assertThat(json.readTree(calls.get(1).body()).path("text").asText()).startsWith("Phần 2");
        assertThat(json.readTree(calls.get(1).body()).path("reply_markup").isObject()).isTrue();
    }

    @Test
    void buttonPressIsAcknowledged() throws Exception {
        String path = "/bot" + TOKEN + "/answercallbackquery";
        botApi.on(path, Response.json(200, "{\"ok\":true,\"result\":true}"));

        SendResult result = sender.answerCallback("3014493018571236001", "Cảm ơn bạn đã đánh giá");

        assertThat(result.delivered()).isTrue();
        JsonNode body = json.readTree(botApi.requestsTo(path).get(0).body());
        assertThat(body.path("callback_query_id").asText()).isEqualTo("3014493018571236001");
        assertThat(body.path("text").asText()).isEqualTo("Cảm ơn bạn đã đánh giá");
    }

    @Test
    void webhookIsRegisteredWithTheSecretToken() {
        // setWebhook goes as multipart under its camel-case name; Telegram treats method names case-insensitively.
        String path = "/bot" + TOKEN + "/setWebhook";
        botApi.on(path, Response.json(200, "{\"ok\":true,\"result\":true,\"description\":\"Webhook was set\"}"));

        SendResult result = new TelegramWebhookRegistration(config).register("https://dvc.example.gov.vn/webhooks/telegram");

        assertThat(result.delivered()).as(String.valueOf(result.failureReason())).isTrue();
        String body = botApi.requestsTo(path).get(0).body();
        assertThat(body).contains("https://dvc.example.gov.vn/webhooks/telegram");
        assertThat(body).contains("secret_token").contains("dvc-secret");
        assertThat(body).contains("callback_query");
    }
}
