package vn.dvcassistant.app.privacy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a citizen can take back: the comment typed in a chat goes with "xóa dữ liệu" (also from the web chat
 * and without consent), a web-form comment's contact details go with its tracking code and the same phone or
 * e-mail, and a question asked without consent does not outlive the short retention for it.
 */
@MicronautTest(transactional = false)
class ChatCommentAndContactErasureTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    RetentionJob retention;
    @Inject
    DataSource dataSource;

    @Test
    void erasingAWebChatErasesTheTextOfTheCommentSentFromIt() {
        RawSql sql = new RawSql(dataSource);
        String session = "web-" + UUID.randomUUID();
        chat(session, "đăng ký khai sinh cho con");
        chat(session, "góp ý");
        Map<?, ?> sent = chat(session, "Cán bộ phường hẹn tôi ba lần, tôi là Nguyễn Văn An ở tổ 5");
        String code = (String) sent.get("commentCode");
        assertThat(code).isNotNull();
        assertThat(sql.column("SELECT text FROM citizen_comment WHERE code = ?", code).get(0).toString())
                .contains("Nguyễn Văn An");

        chat(session, "xóa dữ liệu");
        chat(session, "xác nhận xóa");

        assertThat(sql.column("SELECT text FROM citizen_comment WHERE code = ?", code).get(0).toString())
                .doesNotContain("Văn An").contains("đã được xóa");
        assertThat(sql.count("SELECT count(*) FROM citizen_comment WHERE code = ?", code))
                .as("the row stays for the counts").isEqualTo(1);
    }

    @Test
    void aWebFormCommentsContactGoesWithItsCodeAndTheSamePhoneOrEmailOnly() {
        RawSql sql = new RawSql(dataSource);
        String code = submitWithContact("0912 345 678", "an.nguyen@example.vn");

        HttpResponse<String> wrongPhone = erase(code, "0987 654 321");
        assertThat(wrongPhone.getStatus().getCode()).isEqualTo(404);
        assertThat(wrongPhone.body()).contains("contact_not_found");
        assertThat(erase("GY-2222AA", "0912345678").getStatus().getCode())
                .as("an unknown code answers like a wrong phone").isEqualTo(404);
        assertThat(sql.column("SELECT contact_phone FROM citizen_comment WHERE code = ?", code))
                .containsExactly("0912 345 678");

        HttpResponse<String> erased = erase(code, "+84 912 345 678");
        assertThat(erased.getStatus().getCode()).isEqualTo(200);
        assertThat(erased.body()).contains("Đã xóa họ tên, số điện thoại và email");
        assertThat(sql.column("SELECT coalesce(contact_name, '') || coalesce(contact_phone, '') "
                + "|| coalesce(contact_email, '') FROM citizen_comment WHERE code = ?", code)).containsExactly("");
        assertThat(sql.column("SELECT text FROM citizen_comment WHERE code = ?", code).get(0).toString())
                .as("the comment itself stays").contains("Hồ sơ nộp trực tuyến");
        assertThat(erase(code, "0912345678").getStatus().getCode()).as("nothing left to erase").isEqualTo(404);
    }

    @Test
    void theTrackingPageErasesContactDetailsByEmailToo() {
        RawSql sql = new RawSql(dataSource);
        String code = submitWithContact(null, "Binh.Tran@Example.vn");
        HttpResponse<String> page = StaffSession.send(client, HttpRequest.GET("/gop-y/tra-cuu?ma=" + code)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.body()).contains("Xóa thông tin liên hệ của bạn");

        HttpResponse<String> done = StaffSession.send(client, HttpRequest.POST("/gop-y/tra-cuu/" + code + "/xoa-lien-he",
                        "contact=binh.tran%40example.vn").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertThat(done.getStatus().getCode()).isEqualTo(200);
        assertThat(done.body()).contains("Đã xóa họ tên, số điện thoại và email");
        assertThat(sql.column("SELECT contact_email FROM citizen_comment WHERE code = ?", code)).containsOnlyNulls();
    }

    @Test
    void aQuestionAskedWithoutConsentIsEmptiedAfterTheShortRetentionAndOneWithConsentIsKept() {
        RawSql sql = new RawSql(dataSource);
        String session = "pre-" + UUID.randomUUID();
        Map<?, ?> first = chat(session, "Tôi tên Nguyễn Văn Bảy, làm căn cước cho con ở đâu");
        chat(session, "đồng ý");
        Map<?, ?> later = chat(session, "Tôi tên Nguyễn Văn Bảy, cấp lại căn cước mất bao lâu");
        String refusing = "ref-" + UUID.randomUUID();
        chat(refusing, "đăng ký kết hôn");
        chat(refusing, "không đồng ý");
        Map<?, ?> afterRefusal = chat(refusing, "Tôi là Trần Thị Tám, đăng ký kết hôn cần gì");
        String question = "SELECT question FROM exchange WHERE id = ?";

        retention.run(Instant.now().plus(Duration.ofHours(23)));
        assertThat(sql.column(question, id(first)).get(0).toString()).as("kept for a while").contains("Văn Bảy");

        retention.run(Instant.now().plus(Duration.ofHours(25)));
        assertThat(sql.column(question, id(first))).as("asked before consent").containsExactly("");
        assertThat(sql.column(question, id(afterRefusal))).as("asked after a refusal").containsExactly("");
        assertThat(sql.column(question, id(later)).get(0).toString()).as("asked with consent")
                .contains("cấp lại căn cước");
        assertThat(sql.count("SELECT count(*) FROM exchange WHERE id = ?", id(first))).as("counted still").isEqualTo(1);
    }

    private static UUID id(Map<?, ?> reply) {
        return UUID.fromString(reply.get("messageId").toString());
    }

    private String submitWithContact(String phone, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", "Hồ sơ nộp trực tuyến bị trả lại mà không nói lý do");
        body.put("field", "ho-tich");
        body.put("consent", true);
        body.put("name", "Nguyễn Văn An");
        if (phone != null) {
            body.put("phone", phone);
        }
        body.put("email", email);
        Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/comments", body), Map.class);
        return created.get("code").toString();
    }

    private HttpResponse<String> erase(String code, String contact) {
        return StaffSession.send(client, HttpRequest.POST("/api/v1/comments/" + code + "/contact-erasure",
                Map.of("contact", contact)));
    }

    private Map<?, ?> chat(String sessionId, String text) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", sessionId, "text", text)), Map.class);
    }
}
