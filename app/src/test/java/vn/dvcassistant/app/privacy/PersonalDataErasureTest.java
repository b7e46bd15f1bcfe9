package vn.dvcassistant.app.privacy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PersonalDataErasureTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    CommentService comments;
    @Inject
    RetentionJob retention;
    @Inject
    DataSource dataSource;

    @Test
    void askingInChatThenConfirmingErasesWordsAndContactsButKeepsTheCounts() {
        RawSql sql = new RawSql(dataSource);
        String user = "tg-" + UUID.randomUUID();
        Map<?, ?> answer = chat(user, "làm giấy khai sinh cho con tôi, số điện thoại tôi 0912345678, tên Nguyễn Văn An");
        String key = sessionKey(sql, answer);
        client.toBlocking().exchange(HttpRequest.POST("/api/v1/feedback",
                Map.of("messageId", answer.get("messageId"), "helpful", false, "comment", "tôi là An ở phường 3")));
        String code = comments.submit(new CommentSubmission("Cán bộ phường hẹn tôi ba lần, tôi là Nguyễn Văn An",
                null, "ho-tich", "web", true, "Nguyễn Văn An", "0912345678", "an@example.vn", user)).code();
        long questionsBefore = sql.count("SELECT count(*) FROM exchange WHERE session_id = ?", key);
        String kindSql = "SELECT kind || '/' || coalesce(topic_id, '-') FROM exchange WHERE id = ?";
        UUID firstId = UUID.fromString(answer.get("messageId").toString());
        Object kindBefore = sql.column(kindSql, firstId).get(0);
        long commentsBefore = sql.count("SELECT count(*) FROM citizen_comment");

        Map<?, ?> ask = chat(user, "Xóa dữ liệu của tôi");
        assertThat(ask.get("answer").toString()).contains("xác nhận xóa");
        assertThat(sql.count("SELECT count(*) FROM exchange WHERE session_id = ? AND question LIKE '%Văn An%'", key))
                .as("nothing is erased before the confirmation").isEqualTo(1);

        Map<?, ?> done = chat(user, "xác nhận xóa");
        assertThat(done.get("answer").toString()).startsWith("Đã xóa dữ liệu");

        // The words are gone...
        assertThat(sql.column("SELECT question FROM exchange WHERE session_id = ?", key)).allMatch(""::equals);
        assertThat(sql.column("SELECT reason FROM answer_rating r JOIN exchange e ON e.id = r.message_id "
                + "WHERE e.session_id = ?", key)).containsOnlyNulls();
        assertThat(sql.column("SELECT coalesce(contact_name, '') || coalesce(contact_phone, '') "
                + "|| coalesce(contact_email, '') || coalesce(reply_to, '') FROM citizen_comment WHERE code = ?", code))
                .containsExactly("");
        assertThat(sql.column("SELECT text FROM citizen_comment WHERE code = ?", code).get(0).toString())
                .doesNotContain("Văn An");
        // ...the counts stay (the three new exchanges are the deletion dialogue itself).
        assertThat(sql.count("SELECT count(*) FROM exchange WHERE session_id = ?", key)).isEqualTo(questionsBefore + 2);
        assertThat(sql.column(kindSql, firstId)).containsExactly(kindBefore);
        assertThat(sql.count("SELECT count(*) FROM answer_rating r JOIN exchange e ON e.id = r.message_id "
                + "WHERE e.session_id = ? AND NOT r.helpful", key)).isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM citizen_comment")).isEqualTo(commentsBefore);
        assertThat(sql.count("SELECT count(*) FROM personal_data_erasure WHERE reason = 'citizen'")).isPositive();
    }

    @Test
    void confirmingWithoutAskingFirstErasesNothing() {
        RawSql sql = new RawSql(dataSource);
        String user = "web-" + UUID.randomUUID();
        String key = sessionKey(sql, chat(user, "đăng ký kết hôn ở đâu, tôi là Trần Thị Bình"));
        Map<?, ?> reply = chat(user, "xác nhận xóa");
        assertThat(reply.get("answer").toString()).contains("Chưa có yêu cầu xóa");
        assertThat(sql.count("SELECT count(*) FROM exchange WHERE session_id = ? AND question LIKE '%Thị Bình%'",
                key)).isEqualTo(1);
    }

    @Test
    void retentionErasesOldWordsAndSettledCommentContactsKeepingRowsAndOpenComments() {
        RawSql sql = new RawSql(dataSource);
        String user = "old-" + UUID.randomUUID();
        String key = sessionKey(sql, chat(user, "cấp lại thẻ căn cước, tôi là Lê Văn Cường"));
        String open = comments.submit(new CommentSubmission("Góp ý còn đang xử lý", null, "ho-tich", "web", true,
                "Lê Văn Cường", "0987654321", null, user)).code();
        String settled = comments.submit(new CommentSubmission("Góp ý đã xong", null, "ho-tich", "web", true,
                "Lê Văn Cường", "0987654321", null, user)).code();
        comments.reject(settled, "test", "Không thuộc thẩm quyền");
        long exchanges = sql.count("SELECT count(*) FROM exchange");

        // Nothing is old enough yet.
        retention.run(Instant.now());
        assertThat(sql.count("SELECT count(*) FROM exchange WHERE session_id = ? AND question <> ''", key)).isEqualTo(1);

        // A year and a day later (the default retention is 365 days).
        retention.run(Instant.now().plus(Duration.ofDays(366)));
        assertThat(sql.column("SELECT question FROM exchange WHERE session_id = ?", key)).allMatch(""::equals);
        assertThat(sql.count("SELECT count(*) FROM exchange")).isEqualTo(exchanges);
        assertThat(sql.column("SELECT contact_phone FROM citizen_comment WHERE code = ?", settled)).containsOnlyNulls();
        assertThat(sql.column("SELECT contact_phone FROM citizen_comment WHERE code = ?", open))
                .as("an open comment still needs a way to reach its author").containsExactly("0987654321");
    }

    private static String sessionKey(RawSql sql, Map<?, ?> reply) {
        return sql.column("SELECT session_id FROM exchange WHERE id = ?",
                UUID.fromString(reply.get("messageId").toString())).get(0).toString();
    }

    private Map<?, ?> chat(String sessionId, String text) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", sessionId, "text", text)), Map.class);
    }
}
