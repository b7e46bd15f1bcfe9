package vn.dvcassistant.app.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
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
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.conversation.ConversationEngine;
import vn.dvcassistant.app.conversation.IncomingMessage;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff move comments along their statuses from the dashboard and the JSON API: start, ask for information,
 * reject, transfer, publish; each within their agency, each only from a status that allows it.
 */
@MicronautTest(transactional = false)
// Many logins in a few seconds, well over the per-address limit that protects the real login form.
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class StaffCommentActionsTest {

    private static final String API = "/api/v1/admin/comments/";
    private static final String PAGE = "/quan-tri/gop-y/";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    ReplyOutboxRepository outbox;
    @Inject
    JsonMapper json;
    @Inject
    ConversationEngine engine;

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
    void rejectionClosesTheCommentAndItsReasonIsPublicAndSentToTheCitizen() throws IOException {
        String code = telegramComment("cu-tru", "Tôi muốn hỏi về xổ số kiến thiết", "555001");
        String username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "CONG-AN");
        Cookie police = StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();

        HttpResponse<String> rejected = post(API + code + "/reject",
                Map.of("reason", "Nội dung không thuộc phạm vi tiếp nhận của Công an tỉnh."), police);
        assertThat(rejected.getStatus().getCode()).isEqualTo(200);
        assertThat(body(rejected)).containsEntry("status", "rejected").containsEntry("statusLabel", "Từ chối tiếp nhận");

        Map<String, Object> tracking = body(StaffSession.send(client, HttpRequest.GET("/api/v1/comments/" + code)));
        assertThat(tracking).containsEntry("status", "rejected")
                .containsEntry("statusNote", "Nội dung không thuộc phạm vi tiếp nhận của Công an tỉnh.");
        assertThat(outboxTexts(code)).singleElement().asString()
                .contains(code, "không được Công an tỉnh tiếp nhận", "không thuộc phạm vi tiếp nhận");
        assertThat(comments.history(code)).last().satisfies(event -> {
            assertThat(event.toStatus()).isEqualTo("rejected");
            assertThat(event.actor()).isEqualTo(username);
        });
    }

    @Test
    void aQuestionAskedFromThePageReachesTheCitizensChatAndTheirAnswerMovesTheCommentOn() throws IOException {
        String code = telegramComment("ho-tich", "Hồ sơ khai sinh của con tôi bị trả lại", "555002");
        String username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP");
        Cookie justice = StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();

        HttpResponse<String> asked = form(PAGE + code + "/bo-sung",
                Map.of("question", "Bạn nộp hồ sơ tại xã nào, ngày nào?"), justice);
        assertThat(asked.getStatus().getCode()).isEqualTo(303);
        assertThat(asked.header(HttpHeaders.LOCATION)).isEqualTo(PAGE + code);

        assertThat(outboxTexts(code)).singleElement().asString()
                .contains(code, "Sở Tư pháp cần bạn bổ sung thông tin", "Bạn nộp hồ sơ tại xã nào, ngày nào?");
        assertThat(outbox.findByCommentId(comments.find(code).orElseThrow().id())).singleElement()
                .satisfies(entry -> assertThat(entry.recipient()).isEqualTo("555002"));
        Map<String, Object> tracking = body(StaffSession.send(client, HttpRequest.GET("/api/v1/comments/" + code)));
        assertThat(tracking).containsEntry("status", "needs_info")
                .containsEntry("statusNote", "Bạn nộp hồ sơ tại xã nào, ngày nào?");

        // The citizen answers in the chat the question reached (only that chat may add to the comment).
        ChatReply supplied = engine.handle(new IncomingMessage(Channel.TELEGRAM, "555002",
                "bổ sung " + code + " Xã Tân Phú, ngày 3 tháng 3", null));
        assertThat(supplied.answer()).contains("Đã nhận thông tin bổ sung", code);
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("in_progress");
        assertThat(comments.history(code)).extracting(CommentEvent::toStatus, CommentEvent::actor)
                .containsExactly(tuple("received", "citizen"), tuple("needs_info", username),
                        tuple("in_progress", "citizen"));

        String page = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).body();
        assertThat(page).contains("Xã Tân Phú, ngày 3 tháng 3", "Lịch sử xử lý", username, "Người dân");
    }

    @Test
    void thePageOffersOnlyTheActionsTheStatusAllows() {
        String code = telegramComment("ho-tich", "Thủ tục trích lục hộ tịch chậm", "555003");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");

        String received = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).body();
        assertThat(received).contains("id=\"start-handling\"", "id=\"ask-information\"", "id=\"reject\"",
                "id=\"transfer-to-agency\"", "id=\"transfer-out\"", "id=\"send-answer\"").doesNotContain("id=\"publish\"");

        assertThat(form(PAGE + code + "/xu-ly", Map.of(), justice).getStatus().getCode()).isEqualTo(303);
        String inProgress = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).body();
        assertThat(inProgress).contains("Đang xử lý", "id=\"ask-information\"", "id=\"send-answer\"",
                "id=\"transfer-out\"").doesNotContain("id=\"reject\"").doesNotContain("id=\"start-handling\"");

        form(PAGE + code + "/tra-loi", Map.of("answer", "Sở đã rút ngắn thời gian trích lục."), justice);
        String answered = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).body();
        // Answering is not publishing: the public text is confirmed, with its preview, in a step of its own.
        assertThat(answered).contains("Đã trả lời, chờ công khai", "id=\"publish\"", "id=\"public-text\"",
                "id=\"public-preview\"").doesNotContain("id=\"send-answer\"", "id=\"start-handling\"", "id=\"reject\"");

        form(PAGE + code + "/cong-bo", Map.of("publicText", "Thủ tục trích lục hộ tịch chậm"), justice);
        String published = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).body();
        // Only the correction of field and agency stays, for the figures.
        assertThat(published).contains("Đã công khai trả lời").contains("id=\"reclassify\"")
                .doesNotContain("id=\"send-answer\"", "id=\"start-handling\"", "id=\"ask-information\"",
                        "id=\"reject\"", "id=\"transfer-out\"", "id=\"publish\"");
    }

    @Test
    void anActionTheStatusDoesNotAllowIs400WithAVietnameseMessageOnTheApiAndThePage() throws IOException {
        String code = telegramComment("ho-tich", "Góp ý về lệ phí hộ tịch", "555004");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");

        HttpResponse<String> publishUnanswered = post(API + code + "/publish", Map.of(), justice);
        assertThat(publishUnanswered.getStatus().getCode()).isEqualTo(400);
        assertThat(body(publishUnanswered)).containsEntry("error", "invalid_transition")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("trạng thái không cho phép"));

        post(API + code + "/reject", Map.of("reason", "Trùng với góp ý đã gửi trước."), justice);
        for (String action : List.of("start", "publish")) {
            HttpResponse<String> refused = post(API + code + "/" + action, Map.of(), justice);
            assertThat(refused.getStatus().getCode()).as(action).isEqualTo(400);
            assertThat(body(refused)).as(action).containsEntry("error", "invalid_transition");
        }
        assertThat(body(post(API + code + "/answer", Map.of("answer", "x"), justice)))
                .containsEntry("error", "invalid_transition");
        assertThat(body(post(API + code + "/request-information", Map.of("question", "x"), justice)))
                .containsEntry("error", "invalid_transition");

        // A stale page (opened before the rejection) posting its form gets the page back with the reason.
        HttpResponse<String> stale = form(PAGE + code + "/bo-sung", Map.of("question", "Bạn ở xã nào?"), justice);
        assertThat(stale.getStatus().getCode()).isEqualTo(400);
        assertThat(stale.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(stale.body()).contains("id=\"action-error\"", "trạng thái không cho phép thao tác này",
                "Từ chối tiếp nhận");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("rejected");
        assertThat(outboxTexts(code)).as("only the rejection reached the citizen").hasSize(1);
    }

    @Test
    void emptyReasonsAreRefusedWithACode() throws IOException {
        String code = telegramComment("ho-tich", "Góp ý cần lý do", "555005");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");

        assertThat(refusal(post(API + code + "/reject", Map.of("reason", "  "), justice))).isEqualTo("missing_reject_reason");
        assertThat(refusal(post(API + code + "/reject", Map.of(), justice))).isEqualTo("missing_reject_reason");
        assertThat(refusal(post(API + code + "/request-information", Map.of("question", ""), justice)))
                .isEqualTo("missing_information_request");
        assertThat(refusal(post(API + code + "/transfer", Map.of(), justice))).isEqualTo("missing_transfer_target");
        assertThat(refusal(post(API + code + "/transfer", Map.of("agency", "SO-XD", "to", "Bộ Tư pháp"), justice)))
                .isEqualTo("ambiguous_transfer_target");
        assertThat(refusal(post(API + code + "/transfer", Map.of("agency", "KHONG-CO"), justice))).isEqualTo("unknown_agency");
        assertThat(refusal(post(API + code + "/transfer", Map.of("agency", "SO-TP"), justice))).isEqualTo("same_agency");

        HttpResponse<String> blankPage = form(PAGE + code + "/tu-choi", Map.of("reason", " "), justice);
        assertThat(blankPage.getStatus().getCode()).isEqualTo(400);
        assertThat(blankPage.body()).contains("Bạn cần ghi rõ lý do từ chối.");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("received");
        assertThat(comments.history(code)).hasSize(1);
    }

    @Test
    void transferToAnAgencyOfTheProvinceHandsItOverAndTransferOutsideClosesIt() throws IOException {
        String code = telegramComment("ho-tich", "Đường trước nhà bị ngập, xin sửa", "555006");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        Cookie construction = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-XD");

        HttpResponse<String> handed = form(PAGE + code + "/chuyen", Map.of("agency", "SO-XD"), justice);
        assertThat(handed.getStatus().getCode()).isEqualTo(303);
        assertThat(handed.header(HttpHeaders.LOCATION)).as("no longer theirs: back to the list").isEqualTo("/quan-tri/gop-y");
        assertThat(comments.find(code).orElseThrow().agency()).isEqualTo("SO-XD");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("received");
        assertThat(StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(justice)).getStatus().getCode())
                .isEqualTo(403);
        assertThat(StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(construction)).body())
                .contains("Chuyển từ Sở Tư pháp sang Sở Xây dựng");
        assertThat(body(StaffSession.send(client, HttpRequest.GET("/api/v1/comments/" + code))))
                .containsEntry("agencyName", "Sở Xây dựng");

        HttpResponse<String> out = post(API + code + "/transfer", Map.of("to", "Công ty Điện lực tỉnh"), construction);
        assertThat(body(out)).containsEntry("status", "transferred").containsEntry("statusNote", "Công ty Điện lực tỉnh");
        assertThat(body(StaffSession.send(client, HttpRequest.GET("/api/v1/comments/" + code))))
                .containsEntry("statusNote", "Công ty Điện lực tỉnh");
        assertThat(outboxTexts(code)).singleElement().asString().contains("chuyển đến: Công ty Điện lực tỉnh");
    }

    @Test
    void anAnswerRecordedButNotPublishedIsPublishedFromThePage() {
        String code = telegramComment("ho-tich", "Xin hỏi lệ phí cấp bản sao trích lục", "555007");
        comments.startHandling(code, "can-bo-khac");
        comments.answer(code, "can-bo-khac", "Lệ phí theo quy định hiện hành của tỉnh.");
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);

        String page = StaffSession.send(client, HttpRequest.GET(PAGE + code).cookie(admin)).body();
        assertThat(page).contains("id=\"publish\"").doesNotContain("id=\"send-answer\"");
        HttpResponse<String> unconfirmed = form(PAGE + code + "/cong-bo", Map.of("publicText", " "), admin);
        assertThat(unconfirmed.getStatus().getCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("Bạn chưa duyệt nội dung công khai");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("answered");
        assertThat(form(PAGE + code + "/cong-bo", Map.of("publicText", "Xin hỏi lệ phí cấp bản sao trích lục"), admin)
                .getStatus().getCode()).isEqualTo(303);
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("published");
        assertThat(StaffSession.send(client, HttpRequest.GET("/minh-bach")).body())
                .contains("Lệ phí theo quy định hiện hành của tỉnh.");
    }

    @Test
    void everyActionIs403ForAnotherAgencyOrAnotherRoleAnd401WithoutLogin() {
        String code = telegramComment("cu-tru", "Góp ý về đăng ký thường trú", "555008");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        Cookie editor = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        Map<String, Map<String, String>> api = Map.of("start", Map.of(), "request-information", Map.of("question", "x"),
                "reject", Map.of("reason", "x"), "transfer", Map.of("to", "x"), "publish", Map.of());
        Map<String, Map<String, String>> pages = Map.of("xu-ly", Map.of(), "bo-sung", Map.of("question", "x"),
                "tu-choi", Map.of("reason", "x"), "chuyen", Map.of("to", "x"), "cong-bo", Map.of());

        api.forEach((action, body) -> {
            HttpResponse<String> otherAgency = post(API + code + "/" + action, body, justice);
            assertThat(otherAgency.getStatus().getCode()).as(action).isEqualTo(403);
            assertThat(otherAgency.body()).as(action).contains("agency_forbidden");
            assertThat(post(API + code + "/" + action, body, editor).getStatus().getCode()).as(action).isEqualTo(403);
            assertThat(post(API + code + "/" + action, body, volunteer).getStatus().getCode()).as(action).isEqualTo(403);
            assertThat(post(API + code + "/" + action, body, null).getStatus().getCode()).as(action).isEqualTo(401);
        });
        pages.forEach((action, body) -> {
            assertThat(form(PAGE + code + "/" + action, body, justice).getStatus().getCode()).as(action).isEqualTo(403);
            assertThat(form(PAGE + code + "/" + action, body, editor).getStatus().getCode()).as(action).isEqualTo(403);
            HttpResponse<String> anonymous = form(PAGE + code + "/" + action, body, null);
            assertThat(anonymous.getStatus().getCode()).as(action).isBetween(300, 399);
            assertThat(anonymous.header(HttpHeaders.LOCATION)).as(action).isEqualTo("/dang-nhap");
        });
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("received");
        assertThat(comments.history(code)).hasSize(1);
    }

    private String telegramComment(String field, String text, String chatId) {
        return comments.submit(new CommentSubmission(text, null, field, "telegram", true, null, null, null, chatId))
                .code();
    }

    private List<String> outboxTexts(String code) {
        return outbox.findByCommentId(comments.find(code).orElseThrow().id()).stream()
                .map(ReplyOutboxEntry::text).toList();
    }

    private HttpResponse<String> post(String path, Map<String, String> body, Cookie session) {
        var request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
        return StaffSession.send(client, session == null ? request : request.cookie(session));
    }

    private HttpResponse<String> form(String path, Map<String, String> body, Cookie session) {
        var request = StaffSession.origin(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE));
        return StaffSession.send(client, session == null ? request : request.cookie(session));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }

    private String refusal(HttpResponse<String> response) throws IOException {
        assertThat(response.getStatus().getCode()).isEqualTo(400);
        return (String) body(response).get("error");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
