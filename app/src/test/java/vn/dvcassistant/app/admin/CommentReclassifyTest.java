package vn.dvcassistant.app.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentEvent;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.conversation.ChatClient;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comment reaches the agency its own text is about, whatever the chat was about before; staff correct a wrong
 * field or agency, and the correction is a step of its history, with its actor, that the figures follow.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class CommentReclassifyTest {

    private static final String API = "/api/v1/admin/comments/";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    JsonMapper json;

    HttpClient client;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aCommentIsRoutedByItsOwnTextAndThePreviousTopicIsOnlyAHint() {
        ChatClient chat = new ChatClient(client);
        String session = UUID.randomUUID().toString();
        chat.say(session, "Đăng ký thường trú cần giấy tờ gì");
        chat.say(session, "Góp ý");
        String code = (String) chat.say(session, "Tôi đi đăng ký khai sinh cho con ở xã mà bị hẹn lại ba lần")
                .get("commentCode");
        assertThat(comments.find(code).orElseThrow().field()).as("the text is about birth registration")
                .isEqualTo("ho-tich");
        assertThat(comments.find(code).orElseThrow().agency()).isEqualTo("SO-TP");

        chat.say(session, "Đăng ký thường trú cần giấy tờ gì");
        chat.say(session, "Góp ý");
        String vague = (String) chat.say(session, "Cán bộ hẹn tôi ba lần").get("commentCode");
        assertThat(comments.find(vague).orElseThrow().agency()).as("the text says nothing: the previous topic decides")
                .isEqualTo("CONG-AN");
    }

    @Test
    void staffOfTheCommentsAgencyCorrectItsFieldAndAgencyAndTheFiguresFollow() throws IOException {
        String code = comments.submit(new vn.dvcassistant.app.comments.CommentSubmission(
                "Hồ sơ bị trả lại nhiều lần", null, "ho-tich", "web", false, null, null, null, null)).code();
        long policeBefore = received("CONG-AN");
        long justiceBefore = received("SO-TP");

        Cookie police = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "CONG-AN");
        assertThat(post(code, Map.of("agency", "CONG-AN"), police).code()).as("not the police's comment")
                .isEqualTo(403);

        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        assertThat(post(code, Map.of(), justice).body()).contains("missing_reclassification");
        assertThat(post(code, Map.of("field", "khong-co"), justice).body()).contains("unknown_field");
        assertThat(post(code, Map.of("agency", "KHONG-CO"), justice).body()).contains("unknown_agency");

        HttpResponse<String> corrected = post(code, Map.of("field", "cu-tru", "agency", "CONG-AN"), justice);
        assertThat(corrected.code()).isEqualTo(200);
        Map<?, ?> body = json.readValue(corrected.body(), Map.class);
        assertThat(body.get("code")).isEqualTo(code);
        assertThat(body.get("field")).isEqualTo("cu-tru");
        assertThat(body.get("agency")).isEqualTo("CONG-AN");
        assertThat(body.get("kind")).isEqualTo("comment");
        assertThat(body.get("status")).as("the status stays").isEqualTo("received");

        List<CommentEvent> history = comments.history(code);
        CommentEvent last = history.get(history.size() - 1);
        assertThat(last.actor()).startsWith("agency-staff-");
        assertThat(last.note()).contains("Phân loại lại").contains("Hộ tịch").contains("Sở Tư pháp")
                .contains("Công an tỉnh");
        assertThat(received("CONG-AN")).isEqualTo(policeBefore + 1);
        assertThat(received("SO-TP")).isEqualTo(justiceBefore - 1);

        // Now the police's: their staff may open it and correct it again from the page's form.
        String page = StaffSession.send(client, HttpRequest.GET("/quan-tri/gop-y/" + code).cookie(police)).body();
        assertThat(page).contains("id=\"reclassify\"").contains("Phân loại lại");
        HttpResponse<String> form = StaffSession.send(client, StaffSession.origin(HttpRequest.POST(
                        "/quan-tri/gop-y/" + code + "/phan-loai", Map.of("field", "cu-tru", "agency", "UBND-XA"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(police)));
        assertThat(form.code()).isEqualTo(303);
        assertThat(comments.find(code).orElseThrow().agency()).isEqualTo("UBND-XA");
    }

    private HttpResponse<String> post(String code, Map<String, String> body, Cookie session) {
        return StaffSession.send(client, HttpRequest.POST(API + code + "/reclassify", body).cookie(session));
    }

    /** Comments received this month by {@code agency}, as the statistics API counts them. */
    @SuppressWarnings("unchecked")
    private long received(String agency) {
        Map<String, Object> report = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/comments"), Map.class);
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("byAgency")) {
            if (agency.equals(row.get("agency"))) {
                return ((Number) row.get("received")).longValue();
            }
        }
        return 0;
    }
}
