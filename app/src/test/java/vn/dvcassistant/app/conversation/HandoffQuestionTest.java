package vn.dvcassistant.app.conversation;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.province.WorkingDayCalendar;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Chuyển câu hỏi" on the web chat: the unanswered question becomes a tracked question with a code, in the agency's
 * queue with the conversation before it (masked), answered by staff and shown to its asker on the tracking page.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.feedback.comments.question-answer-days", value = "3")
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class HandoffQuestionTest {

    /** The default DVC_PUBLIC_URL the tests keep: the hand-off's link is absolute even in the web chat. */
    static final String PUBLIC_URL = StaffSession.PUBLIC_URL;
    private static final String UNANSWERABLE = "máy bay trực thăng giá bao nhiêu ở sao Hỏa";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    WorkingDayCalendar calendar;
    @Inject
    ProvinceClock clock;

    @Test
    void aHandedOverQuestionGetsACodeReachesTheQueueWithTheConversationAndItsAnswerIsShownToTheAsker() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.pick(session, "Đăng ký khai sinh", "dang-ky-khai-sinh");
        Map<String, Object> fallback = chat.say(session, UNANSWERABLE);
        assertThat(fallback.get("kind")).isEqualTo("fallback");
        assertThat(fallback.get("handoff")).isNull();

        Map<String, Object> reply = chat.say(session, "Chuyển câu hỏi cho cán bộ");
        @SuppressWarnings("unchecked")
        Map<String, Object> handoff = (Map<String, Object>) reply.get("handoff");
        String code = (String) handoff.get("code");
        assertThat(code).matches("GY-[A-Z0-9]{6}");
        assertThat(handoff.get("trackingUrl")).isEqualTo(PUBLIC_URL + "/gop-y/tra-cuu?ma=" + code);
        assertThat(reply.get("commentCode")).isEqualTo(code);
        assertThat((String) reply.get("answer")).contains("đã chuyển câu hỏi").contains(code)
                .contains("Sở Tư pháp").contains("/gop-y/tra-cuu?ma=" + code);

        // Routed by its text; it matches nothing, so the previous topic (birth registration) decides.
        CitizenComment stored = comments.find(code).orElseThrow();
        assertThat(stored.kind()).isEqualTo("question");
        assertThat(stored.agency()).isEqualTo("SO-TP");
        assertThat(stored.text()).contains("trực thăng");
        assertThat(stored.answerDue()).as("3 working days, from the configuration")
                .isEqualTo(calendar.addWorkingDays(clock.today(), 3));

        Map<?, ?> tracked = track(code);
        assertThat(tracked.get("kind")).isEqualTo("question");
        assertThat(tracked.get("status")).isEqualTo("received");
        assertThat(tracked.get("answer")).isNull();

        try (HttpClient staff = StaffSession.client(server)) {
            Cookie police = login(staff, StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "CONG-AN"));
            assertThat(StaffSession.send(staff, HttpRequest.GET("/quan-tri/gop-y/" + code).cookie(police)).code())
                    .as("another agency's question").isEqualTo(403);

            Cookie justice = login(staff, StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP"));
            String list = StaffSession.send(staff, HttpRequest.GET("/quan-tri/gop-y").cookie(justice)).body();
            assertThat(list).contains(code).contains("Câu hỏi chuyển cán bộ");
            String page = StaffSession.send(staff, HttpRequest.GET("/quan-tri/gop-y/" + code).cookie(justice)).body();
            assertThat(page).contains("Câu hỏi chuyển cán bộ").contains("Cuộc trò chuyện trước khi chuyển")
                    .contains("Trợ lý đã trả lời: Đăng ký khai sinh").contains("Trợ lý chưa trả lời được")
                    .contains("trực thăng")
                    .doesNotContain("id=\"publish\"");

            HttpResponse<String> answered = StaffSession.send(staff, HttpRequest.POST("/api/v1/admin/comments/" + code
                    + "/answer", Map.of("answer", "Việc này không thuộc dịch vụ công. Bạn gọi 1900 1234.")).cookie(justice));
            assertThat(answered.code()).isEqualTo(200);
            assertThat(answered.body()).contains("\"status\":\"answered\"");

            HttpResponse<String> publish = StaffSession.send(staff, HttpRequest.POST("/api/v1/admin/comments/" + code
                    + "/publish", Map.of()).cookie(justice));
            assertThat(publish.code()).as("a question is never published").isEqualTo(400);
            assertThat(publish.body()).contains("question_not_published");
        }

        Map<?, ?> answeredTrack = track(code);
        assertThat(answeredTrack.get("status")).isEqualTo("answered");
        assertThat((String) answeredTrack.get("answer")).contains("không thuộc dịch vụ công");
        assertThat((String) answeredTrack.get("text")).contains("trực thăng");
        String trackingPage = http.toBlocking().retrieve(HttpRequest.GET("/gop-y/tra-cuu?ma=" + code)
                .accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(trackingPage).contains("không thuộc dịch vụ công");
    }

    @Test
    void theTrackingApiTellsCommentsAndQuestionsApart() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "Góp ý");
        String comment = (String) chat.say(session, "Trang web chậm quá").get("commentCode");
        assertThat(track(comment).get("kind")).isEqualTo("comment");

        Map<String, Object> nothing = chat.say(session, "gặp cán bộ");
        assertThat(nothing.get("handoff")).as("no unanswered question just before").isNull();

        chat.say(session, UNANSWERABLE);
        Map<String, Object> reply = chat.say(session, "gặp cán bộ");
        assertThat(reply.get("handoff")).isNotNull();
        assertThat(track((String) reply.get("commentCode")).get("kind")).isEqualTo("question");
        assertThat(chat.say(session, "chuyển câu hỏi").get("handoff")).as("handed over once").isNull();
    }

    private Map<?, ?> track(String code) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/comments/" + code), Map.class);
    }

    private static Cookie login(HttpClient client, String username) {
        return StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();
    }
}
