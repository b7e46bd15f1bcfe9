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
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answering is not publishing (issue 14, point 6): the answer goes to the citizen; the comment goes public only
 * with a public version of the citizen's text that staff confirmed, which the masker pre-fills; the original stays
 * with staff, never on the transparency page, the tracking page or the public API.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class CommentPublishingTest {

    private static final String API = "/api/v1/admin/comments/";
    private static final String ORIGINAL = "Tôi là Nguyễn Văn An, nhà số 12 ngõ 34 phố Hàng Bông, gọi 0912345678. "
            + "Giấy khai sinh của con tôi bị ghi sai ngày sinh.";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    JsonMapper json;

    HttpClient client;
    Cookie justice;
    String username;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
        username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP");
        justice = StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theAnswerIsNotPublicUntilStaffPublishTheTextTheyConfirmedAndTheOriginalNeverIs() throws IOException {
        String code = webComment(ORIGINAL);
        assertThat(post(API + code + "/answer", Map.of("answer", "Sở đã đính chính giấy khai sinh.")).getStatus().getCode())
                .isEqualTo(200);
        Map<String, Object> tracked = body(get("/api/v1/comments/" + code));
        assertThat(tracked).containsEntry("status", "answered");
        assertThat(tracked.get("text")).isNull();
        assertThat(tracked.get("answer")).isNull();
        assertThat(get("/minh-bach").body()).doesNotContain("Sở đã đính chính giấy khai sinh.");

        Map<String, Object> draft = body(get(API + code + "/public-text"));
        assertThat((String) draft.get("original")).contains("Nguyễn Văn An", "ngõ 34").doesNotContain("0912345678");
        assertThat((String) draft.get("suggested")).isEqualTo("Tôi là [họ tên], [địa chỉ], gọi [số điện thoại]. "
                + "Giấy khai sinh của con tôi bị ghi sai ngày sinh.");
        assertThat(parts(draft)).filteredOn(p -> p.get("kind") != null)
                .extracting(p -> p.get("kind")).containsExactly("name", "address", "phone");

        String edited = "Tôi là [họ tên]. Giấy khai sinh của con tôi bị ghi sai ngày sinh, gọi lại 0987 654 321.";
        HttpResponse<String> published = post(API + code + "/publish", Map.of("publicText", edited));
        assertThat(published.getStatus().getCode()).isEqualTo(200);
        String shown = "Tôi là [họ tên]. Giấy khai sinh của con tôi bị ghi sai ngày sinh, gọi lại [số điện thoại].";
        assertThat(body(published)).containsEntry("status", "published").containsEntry("publicText", shown);

        assertThat(body(get("/api/v1/comments/" + code))).containsEntry("text", shown)
                .containsEntry("answer", "Sở đã đính chính giấy khai sinh.");
        String transparency = get("/minh-bach").body();
        assertThat(transparency).contains(code, shown).doesNotContain("Nguyễn Văn An", "Hàng Bông", "0987");
        assertThat(get("/gop-y/tra-cuu?ma=" + code).body()).contains("Tôi là [họ tên].")
                .doesNotContain("Nguyễn Văn An", "Hàng Bông");
        assertThat(comments.find(code).orElseThrow().text()).as("the original stays for staff").isEqualTo(
                "Tôi là Nguyễn Văn An, nhà số 12 ngõ 34 phố Hàng Bông, gọi [số điện thoại]. "
                        + "Giấy khai sinh của con tôi bị ghi sai ngày sinh.");
        CommentEvent step = comments.history(code).get(comments.history(code).size() - 1);
        assertThat(step.toStatus()).isEqualTo("published");
        assertThat(step.actor()).isEqualTo(username);
        assertThat(step.note()).isEqualTo("Nội dung công khai đã duyệt: " + shown);
        assertThat(step.at()).isNotNull();
    }

    @Test
    void aPublishWithoutAConfirmedPublicTextIsRefusedWithACodeAndAVietnameseMessage() throws IOException {
        String code = webComment("Tôi là Trần Thị Bình, hồ sơ chứng thực bị trả lại.");
        post(API + code + "/answer", Map.of("answer", "Sở đã hướng dẫn lại."));

        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("publicText", "   "))) {
            HttpResponse<String> refused = post(API + code + "/publish", bad);
            assertThat(refused.getStatus().getCode()).isEqualTo(400);
            assertThat(body(refused)).containsEntry("error", "missing_public_text")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).contains("chưa duyệt nội dung công khai"));
        }
        HttpResponse<String> tooLong = post(API + code + "/publish", Map.of("publicText", "a".repeat(20_001)));
        assertThat(body(tooLong)).containsEntry("error", "public_text_too_long");
        assertThat(tooLong.getStatus().getCode()).isEqualTo(400);
        HttpResponse<String> nul = StaffSession.send(client, HttpRequest.POST(API + code + "/publish",
                "{\"publicText\": \"a\\u0000b\"}").contentType(MediaType.APPLICATION_JSON_TYPE).cookie(justice));
        assertThat(nul.getStatus().getCode()).isEqualTo(400);
        assertThat(body(nul)).containsEntry("error", "control_characters");
        HttpResponse<String> control = post(API + code + "/publish", Map.of("publicText", "a\u0007b"));
        assertThat(body(control)).containsEntry("error", "control_characters");

        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("answered");
        assertThat(comments.find(code).orElseThrow().publicText()).isNull();
        assertThat(get("/minh-bach").body()).doesNotContain(code);
    }

    @Test
    void thePageShowsTheSuggestionHighlightedAndAPreviewOfThePublicPageWithTheTypedText() {
        String code = webComment(ORIGINAL);
        post(API + code + "/answer", Map.of("answer", "Sở đã đính chính."));

        String page = StaffSession.send(client, HttpRequest.GET("/quan-tri/gop-y/" + code).cookie(justice)).body();
        assertThat(page).contains("<mark class=\"pii pii-name\"", "<del>Nguyễn Văn An</del><ins>[họ tên]</ins>",
                        "<mark class=\"pii pii-address\"", "<mark class=\"pii pii-phone\"")
                .contains(">Tôi là [họ tên], [địa chỉ], gọi [số điện thoại]. Giấy khai sinh của con tôi bị ghi sai ngày sinh.</textarea>");
        String preview = page.substring(page.indexOf("id=\"public-preview\""));
        assertThat(preview).contains("class=\"public-item\"", "Tôi là [họ tên], [địa chỉ]", "Sở đã đính chính.")
                .doesNotContain("Nguyễn Văn An");

        HttpResponse<String> previewed = StaffSession.send(client, StaffSession.origin(HttpRequest.POST(
                        "/quan-tri/gop-y/" + code + "/xem-truoc", Map.of("publicText", "Con tôi bị ghi sai ngày sinh."))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)).cookie(justice));
        assertThat(previewed.getStatus().getCode()).isEqualTo(200);
        String typed = previewed.body().substring(previewed.body().indexOf("id=\"public-preview\""));
        assertThat(typed).contains("Con tôi bị ghi sai ngày sinh.").doesNotContain("[địa chỉ]");
        assertThat(comments.find(code).orElseThrow().status()).as("a preview stores nothing").isEqualTo("answered");
    }

    private String webComment(String text) {
        return comments.submit(new CommentSubmission(text, null, "ho-tich", "web", false, null, null, null, null)).code();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parts(Map<String, Object> draft) {
        return (List<Map<String, Object>>) draft.get("parts");
    }

    private HttpResponse<String> get(String path) {
        return StaffSession.send(client, HttpRequest.GET(path).cookie(justice));
    }

    private HttpResponse<String> post(String path, Map<String, String> body) {
        return StaffSession.send(client, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .cookie(justice));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }
}
