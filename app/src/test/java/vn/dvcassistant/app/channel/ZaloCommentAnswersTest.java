package vn.dvcassistant.app.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.zalo.ZaloCommentAnswers;
import vn.dvcassistant.app.channel.FakeApiServer.Request;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.conversation.SessionKeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agencies' answers to comments on Zalo, where a consultation message reaches the citizen only within a
 * window after their last message: sent in the chat while it is open, else as the province's template
 * message, else kept until the citizen writes again. Real sender, fake OpenAPI and template servers.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZaloCommentAnswersTest implements TestPropertyProvider {

    private static final String APP_ID = "4318855412337893151";
    private static final String OA_SECRET = "oa-secret-answers";
    private static final String SEND = "/v3.0/oa/message/cs";
    private static final String TEMPLATE = "/message/template";
    private static final String SENT = """
            {"data":{"message_id":"m1","user_id":"1"},"error":0,"message":"Success"}""";
    private static final String TEMPLATE_SENT = """
            {"error":0,"message":"Success","data":{"msg_id":"zns-1","sent_time":"1763800000000"}}""";

    private final FakeApiServer openApi = new FakeApiServer();
    private final FakeApiServer oauth = new FakeApiServer();
    private final FakeApiServer business = new FakeApiServer();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ZaloCommentAnswers answers;

    @Override
    public Map<String, String> getProperties() {
        openApi.on(SEND, new Response(200, SENT));
        business.on(TEMPLATE, new Response(200, TEMPLATE_SENT));
        Map<String, String> properties = new HashMap<>(FakeApiServer.freePortProperties());
        properties.put("channels.zalo.app-id", APP_ID);
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", OA_SECRET);
        properties.put("channels.zalo.access-token", "answers-access-token");
        properties.put("channels.zalo.refresh-token", "answers-refresh-token");
        properties.put("channels.zalo.api-url", openApi.baseUrl());
        properties.put("channels.zalo.oauth-url", oauth.baseUrl());
        properties.put("channels.zalo.template-url", business.baseUrl() + TEMPLATE);
        properties.put("channels.zalo.template.id", "301234");
        properties.put("channels.zalo.template.fields", "ma_gop_y:code,co_quan:agency,ngay:date,lien_ket:link");
        properties.put("channels.zalo.retry-initial-backoff", "20ms");
        properties.put("channels.zalo.retry-max-backoff", "40ms");
        properties.put("channels.outbox.interval", "1h");
        properties.put("dvc.public-url", "https://dvc.example.gov.vn");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        openApi.close();
        oauth.close();
        business.close();
    }

    @Test
    void anAnswerReadyWhileTheWindowIsOpenIsSentInTheChat() throws Exception {
        String user = newUserId();
        write(user, "xin chào");
        openApi.await(SEND, to(user), 1);
        Entry entry = queue(user, "Trả lời góp ý của bạn: hồ sơ đã được xử lý.");

        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);

        Request sent = openApi.await(SEND, to(user).and(containing("hồ sơ đã được xử lý")), 1).get(0);
        assertThat(json.readTree(sent.body()).path("message").path("text").asText())
                .isEqualTo("Trả lời góp ý của bạn: hồ sơ đã được xử lý.");
        assertThat(state(entry)).isEqualTo("sent/chat");
        assertThat(business.requests(TEMPLATE, to(user))).isEmpty();
    }

    @Test
    void outsideTheWindowTheCitizenGetsTheTemplateMessageWithTheConfiguredFields() throws Exception {
        String user = newUserId();
        lastMessage(user, "3 days");
        Entry entry = queue(user, "Trả lời góp ý của bạn: đã sửa đường.");

        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);

        JsonNode body = json.readTree(business.await(TEMPLATE, to(user), 1).get(0).body());
        assertThat(body.path("template_id").asText()).isEqualTo("301234");
        JsonNode data = body.path("template_data");
        assertThat(data.path("ma_gop_y").asText()).isEqualTo(entry.code());
        assertThat(data.path("co_quan").asText()).isEqualTo("Sở Tư pháp");
        assertThat(data.path("ngay").asText())
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(data.path("lien_ket").asText()).isEqualTo("https://dvc.example.gov.vn/gop-y/tra-cuu?ma=" + entry.code());
        assertThat(body.path("tracking_id").asText()).isEqualTo("outbox-" + entry.id());
        assertThat(openApi.requests(SEND, to(user))).isEmpty();
        assertThat(state(entry)).isEqualTo("sent/template");
    }

    @Test
    void whenZaloSaysTheWindowIsClosedTheTemplateIsSentInstead() {
        String user = newUserId();
        lastMessage(user, "1 hour");
        Entry entry = queue(user, "Trả lời góp ý của bạn: đã xem xét.");
        openApi.on(SEND, new Response(200, """
                {"error":-230,"message":"User has not interacted with the OA in the last 7 days"}"""));
        try {
            answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        } finally {
            openApi.on(SEND, new Response(200, SENT));
        }

        assertThat(openApi.requests(SEND, to(user))).hasSize(1);
        business.await(TEMPLATE, to(user), 1);
        assertThat(state(entry)).isEqualTo("sent/template");
    }

    @Test
    void withoutAWorkingTemplateTheAnswerWaitsAndGoesRightAfterTheCitizensNextMessage() throws Exception {
        String user = newUserId();
        lastMessage(user, "5 days");
        Entry entry = queue(user, "Trả lời góp ý của bạn: đã lắp đèn.");
        business.on(TEMPLATE, new Response(200, "{\"error\":-1123,\"message\":\"Template is not approved\"}"));
        try {
            answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        } finally {
            business.on(TEMPLATE, new Response(200, TEMPLATE_SENT));
        }
        assertThat(state(entry)).isEqualTo("held/0");
        assertThat(lastError(entry)).contains("Template is not approved").contains("kept until the citizen writes again");

        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        FakeApiServer.sleep(300);
        assertThat(openApi.requests(SEND, to(user))).isEmpty();
        assertThat(business.requests(TEMPLATE, to(user))).hasSize(1);

        write(user, "cảm ơn");
        Request answer = openApi.await(SEND, to(user).and(containing("đã lắp đèn")), 1).get(0);
        assertThat(json.readTree(answer.body()).path("message").path("text").asText())
                .isEqualTo("Bạn có câu trả lời cho góp ý " + entry.code() + ".\n\nTrả lời góp ý của bạn: đã lắp đèn.");
        List<Request> sent = openApi.requests(SEND, to(user));
        assertThat(sent.get(sent.size() - 1)).as("after the reply to the citizen's message").isSameAs(answer);
        assertThat(sent).anySatisfy(r -> assertThat(r.body()).contains("Không có gì"));
        awaitState(entry, "sent/next_message");

        write(user, "xin chào");
        openApi.await(SEND, to(user), sent.size() + 1);
        FakeApiServer.sleep(300);
        assertThat(openApi.requests(SEND, to(user).and(containing("đã lắp đèn")))).hasSize(1);
    }

    @Test
    void aRefusalOtherThanTheWindowIsFinalAndKeepsItsReason() {
        String user = newUserId();
        lastMessage(user, "2 hours");
        Entry entry = queue(user, "Trả lời góp ý của bạn: đã chuyển.");
        openApi.on(SEND, new Response(200, "{\"error\":-213,\"message\":\"User has not followed OA\"}"));
        try {
            answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
            answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        } finally {
            openApi.on(SEND, new Response(200, SENT));
        }

        assertThat(openApi.requests(SEND, to(user))).hasSize(1);
        assertThat(state(entry)).isEqualTo("failed/5");
        assertThat(lastError(entry)).contains("-213").contains("permanent");
        assertThat(business.requests(TEMPLATE, to(user))).isEmpty();
    }

    @Test
    void aRateLimitIsTriedAgainByTheNextRound() {
        String user = newUserId();
        lastMessage(user, "2 hours");
        Entry entry = queue(user, "Trả lời góp ý của bạn: đang xử lý.");
        openApi.on(SEND, new Response(200, "{\"error\":-32,\"message\":\"Exceed rate limit\"}"));
        try {
            answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        } finally {
            openApi.on(SEND, new Response(200, SENT));
        }
        assertThat(state(entry)).isEqualTo("pending/1");

        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);

        assertThat(state(entry)).isEqualTo("sent/chat");
    }

    @Test
    void theStatisticsCountEachWayAnAnswerWent() {
        Map<String, Long> before = zaloFigures();
        String inChat = newUserId();
        String template = newUserId();
        String held = newUserId();
        String failed = newUserId();
        lastMessage(inChat, "1 hour");
        lastMessage(template, "4 days");
        Entry chatEntry = queue(inChat, "Trả lời: một.");
        Entry templateEntry = queue(template, "Trả lời: hai.");
        Entry heldEntry = queue(held, "Trả lời: ba.");
        Entry failedEntry = queue(failed, "Trả lời: bốn.");
        new TestDatabase(transactions).update("UPDATE comment_reply_outbox SET sent_at = now(), delivered_by = 'next_message' "
                + "WHERE id = ?", heldEntry.id());
        Entry waiting = queue(held, "Trả lời: năm.");
        new TestDatabase(transactions).update("UPDATE comment_reply_outbox SET held_since = now() WHERE id = ?", waiting.id());
        new TestDatabase(transactions).update("UPDATE comment_reply_outbox SET attempts = 5, last_error = 'x' WHERE id = ?",
                failedEntry.id());

        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        assertThat(state(chatEntry)).isEqualTo("sent/chat");
        assertThat(state(templateEntry)).isEqualTo("sent/template");

        Map<String, Long> after = zaloFigures();
        assertThat(after.get("total") - before.get("total")).isEqualTo(5);
        assertThat(after.get("sentInChat") - before.get("sentInChat")).isEqualTo(1);
        assertThat(after.get("sentAsTemplate") - before.get("sentAsTemplate")).isEqualTo(1);
        assertThat(after.get("sentAfterCitizenWrote") - before.get("sentAfterCitizenWrote")).isEqualTo(1);
        assertThat(after.get("waitingForCitizen") - before.get("waitingForCitizen")).isEqualTo(1);
        assertThat(after.get("failed") - before.get("failed")).isEqualTo(1);
    }

    @Test
    void aCommentTakenInTheZaloChatSaysWhereAndWhenTheAnswerWillCome() throws Exception {
        String user = newUserId();
        write(user, "#dvc:consent:yes");
        openApi.await(SEND, to(user), 1);
        write(user, "góp ý");
        openApi.await(SEND, to(user), 2);
        write(user, "Đường vào bộ phận một cửa xã bị ngập khi mưa.");

        String text = json.readTree(openApi.await(SEND, to(user).and(containing("GY-")), 1).get(0).body())
                .path("message").path("text").asText();
        assertThat(text).contains("https://dvc.example.gov.vn/gop-y/tra-cuu?ma=GY-")
                .contains("Câu trả lời sẽ có ở trang theo dõi trên.")
                .contains("Zalo chỉ cho chúng tôi nhắn bạn trong 48 giờ sau tin nhắn gần nhất của bạn.")
                .contains("bạn nhận một thông báo Zalo kèm mã góp ý");
    }

    @Inject
    vn.dvcassistant.app.comments.CommentService comments;

    @Test
    void aQuestionHandedOverWithTheButtonIsAnsweredInTheZaloChat() throws Exception {
        String user = newUserId();
        write(user, "#dvc:consent:yes");
        openApi.await(SEND, to(user), 1);
        write(user, "máy bay trực thăng giá bao nhiêu ở sao Hỏa");
        Request fallback = openApi.await(SEND, to(user).and(containing("18001096")), 1).get(0);
        assertThat(fallback.body()).contains("Chuyển câu hỏi cho cán bộ").contains("#dvc:handoff");

        write(user, "#dvc:handoff");
        String text = json.readTree(openApi.await(SEND, to(user).and(containing("GY-")), 1).get(0).body())
                .path("message").path("text").asText();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("GY-[A-Z0-9]{6}").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        assertThat(text).contains("đã chuyển câu hỏi").contains("https://dvc.example.gov.vn/gop-y/tra-cuu?ma=" + code.group());

        comments.startHandling(code.group(), "can-bo-vp");
        comments.answer(code.group(), "can-bo-vp", "Việc này không thuộc dịch vụ công của tỉnh.");
        answers.sendPending(CommentAnswerOutbox.MAX_ATTEMPTS, 50);
        Request answer = openApi.await(SEND, to(user).and(containing("không thuộc dịch vụ công")), 1).get(0);
        assertThat(json.readTree(answer.body()).path("message").path("text").asText())
                .startsWith("Trả lời câu hỏi " + code.group() + " của bạn từ ");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> zaloFigures() {
        Map<String, Object> report = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/comment-replies"), Map.class);
        Map<String, Long> figures = new HashMap<>(Map.of("total", 0L, "sentInChat", 0L, "sentAsTemplate", 0L,
                "sentAfterCitizenWrote", 0L, "waitingForCitizen", 0L, "failed", 0L));
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("byChannel")) {
            if ("zalo".equals(row.get("channel"))) {
                figures.replaceAll((k, v) -> ((Number) row.get(k)).longValue());
            }
        }
        return figures;
    }

    private record Entry(long id, String code) {
    }

    /** A comment from this Zalo user, answered by the Sở Tư pháp, with its answer in the outbox. */
    private Entry queue(String user, String text) {
        String code = "GY-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        long commentId = insertReturningId("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, reply_to, status, received_at,
                    reject_due, info_due, answer_due, updated_at)
                VALUES (?, 'zalo', 'ho-tich', 'SO-TP', 'Góp ý', TRUE, ?, 'answered', now(), current_date,
                    current_date, current_date, now()) RETURNING id""", code, user);
        long id = insertReturningId("INSERT INTO comment_reply_outbox (comment_id, channel, recipient, text, created_at) "
                + "VALUES (?, 'zalo', ?, ?, now()) RETURNING id", commentId, user, text);
        return new Entry(id, code);
    }

    private long insertReturningId(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (java.sql.PreparedStatement insert = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    insert.setObject(i + 1, parameters[i]);
                }
                try (java.sql.ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private void lastMessage(String user, String ago) {
        new TestDatabase(transactions).update("INSERT INTO zalo_chat_window (session_key, last_message_at) "
                + "VALUES (?, now() - interval '" + ago + "') ON CONFLICT (session_key) DO UPDATE "
                + "SET last_message_at = excluded.last_message_at", SessionKeys.of(Channel.ZALO, user));
    }

    /** sent/&lt;delivered_by&gt;, held/&lt;attempts&gt;, failed/&lt;attempts&gt; or pending/&lt;attempts&gt;. */
    private String state(Entry entry) {
        return (String) new TestDatabase(transactions).column("""
                SELECT CASE WHEN sent_at IS NOT NULL THEN 'sent/' || delivered_by
                            WHEN held_since IS NOT NULL THEN 'held/' || attempts
                            WHEN attempts >= 5 THEN 'failed/' || attempts
                            ELSE 'pending/' || attempts END
                  FROM comment_reply_outbox WHERE id = ?""", entry.id()).get(0);
    }

    private void awaitState(Entry entry, String expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!expected.equals(state(entry)) && System.currentTimeMillis() < deadline) {
            FakeApiServer.sleep(20);
        }
        assertThat(state(entry)).isEqualTo(expected);
    }

    private String lastError(Entry entry) {
        return (String) new TestDatabase(transactions).column("SELECT last_error FROM comment_reply_outbox WHERE id = ?",
                entry.id()).get(0);
    }

    private void write(String user, String text) {
        String body = """
                {"app_id":"%s","event_name":"user_send_text","timestamp":"%d","sender":{"id":"%s"},\
                "recipient":{"id":"579745863508352884"},"message":{"text":"%s","msg_id":"%s"}}"""
                .formatted(APP_ID, System.currentTimeMillis(), user, text,
                        Long.toHexString(ThreadLocalRandom.current().nextLong()));
        http.toBlocking().exchange(HttpRequest.POST("/webhooks/zalo", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-ZEvent-Signature", mac(body)));
    }

    private static String mac(String body) {
        String timestamp = body.replaceAll("(?s).*\"timestamp\":\"(\\d+)\".*", "$1");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((APP_ID + body + timestamp + OA_SECRET).getBytes(StandardCharsets.UTF_8));
            return "mac=" + java.util.HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<Request> to(String user) {
        return r -> r.body().contains("\"user_id\":\"" + user + "\"");
    }

    private static Predicate<Request> containing(String text) {
        return r -> r.body().contains(text);
    }

    private static String newUserId() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
    }
}
