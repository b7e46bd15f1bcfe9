package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.stats.CommentReport;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.stats.Period;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class CommentLifecycleTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CommentService comments;

    @Inject
    ReplyOutboxRepository outbox;

    @Inject
    CommentStatistics statistics;

    @Test
    void commentIsRoutedByTheTopicsFieldAndGetsATrackingCode() {
        HttpResponse<Map> response = submit(Map.of("text", "Xin hỏi cấp sổ đỏ lần đầu mất bao lâu?",
                "topicId", "cap-giay-chung-nhan-lan-dau"));
        assertThat(response.code()).isEqualTo(201);
        Map<?, ?> body = response.body();
        assertThat((String) body.get("code")).matches("GY-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        assertThat(body.get("agency")).isEqualTo("SO-NNMT");
        assertThat(body.get("status")).isEqualTo("received");
        assertThat((String) body.get("message")).contains((String) body.get("code"));

        assertThat(submit(Map.of("text", "Góp ý về hộ tịch", "field", "ho-tich")).body().get("agency")).isEqualTo("SO-TP");
        assertThat(submit(Map.of("text", "Trang web chậm quá")).body().get("agency")).isEqualTo("VP-UBND");
    }

    @Test
    void trackingShowsStatusAndDatesButNeverContactDetails() {
        Map<String, Object> request = new HashMap<>(Map.of("text", "Số CCCD của tôi 001203004567, gọi 0912 345 678",
                "consent", true, "name", "Nguyễn Văn A", "phone", "0912345678", "email", "a@example.vn"));
        String code = (String) submit(request).body().get("code");

        CitizenComment stored = comments.find(code).orElseThrow();
        assertThat(stored.text()).doesNotContain("001203004567").doesNotContain("0912 345 678");
        assertThat(stored.contactPhone()).isEqualTo("0912345678");
        assertThat(stored.contactEmail()).isEqualTo("a@example.vn");

        String tracking = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/comments/" + code.toLowerCase()), String.class);
        assertThat(tracking).contains(code, "\"status\":\"received\"", "Đã tiếp nhận", "answerDue")
                .doesNotContain("0912345678").doesNotContain("a@example.vn").doesNotContain("Nguyễn Văn A");

        HttpClientResponseException unknown = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/v1/comments/GY-2222AA"), String.class));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void contactDetailsAreDroppedWithoutConsent() {
        HttpResponse<Map> response = submit(Map.of("text", "Thủ tục rườm rà", "phone", "0912345678", "consent", false));
        assertThat(response.body().get("contactStored")).isEqualTo(false);
        CitizenComment stored = comments.find((String) response.body().get("code")).orElseThrow();
        assertThat(stored.contactPhone()).isNull();
        assertThat(stored.consent()).isFalse();
    }

    @Test
    void fullLifecycleQueuesTheReplyAndPublishes() {
        String code = comments.submit(new CommentSubmission("Xin cho biết lệ phí đăng ký kết hôn", "dang-ky-ket-hon",
                null, "telegram", true, null, null, null, "123456789")).code();
        comments.startHandling(code, "can-bo-1");
        comments.requestInformation(code, "can-bo-1", "Bạn đăng ký ở xã nào?");
        assertThat(comments.track(code).orElseThrow().statusNote()).isEqualTo("Bạn đăng ký ở xã nào?");
        // Sent from a Telegram chat: the information comes from that chat (the chat intent, CommentSupplements).
        comments.supplyInformation(code, "Xã An Phú", new ReplyAddress("telegram", "123456789"));
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("in_progress");

        CitizenComment answered = comments.answer(code, "can-bo-1", "Đăng ký kết hôn không mất lệ phí.");
        assertThat(answered.publishDue()).isNotNull();
        // The question went to the citizen's chat first, then the answer.
        assertThat(outbox.findByCommentId(answered.id())).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.channel()).isEqualTo("telegram");
            assertThat(entry.recipient()).isEqualTo("123456789");
            assertThat(entry.sentAt()).isNull();
        }).extracting(ReplyOutboxEntry::text).satisfiesExactlyInAnyOrder(
                question -> assertThat(question).contains(code, "Bạn đăng ký ở xã nào?"),
                reply -> assertThat(reply).contains(code, "không mất lệ phí"));
        // Not public until published.
        assertThat(comments.track(code).orElseThrow().answer()).isNull();

        comments.publish(code, "lanh-dao", comments.find(code).orElseThrow().text());
        CommentTracking published = comments.track(code).orElseThrow();
        assertThat(published.status()).isEqualTo("published");
        assertThat(published.answer()).isEqualTo("Đăng ký kết hôn không mất lệ phí.");
        assertThat(comments.history(code)).extracting(CommentEvent::toStatus)
                .containsExactly("received", "in_progress", "needs_info", "in_progress", "answered", "published");

        assertThat(counts(react(code, true, readerCookie()))).isEqualTo("1/0");
    }

    @Test
    void eachReaderCountsOnceAndMayChangeTheirVote() {
        String code = comments.submit(new CommentSubmission("Hồ sơ của tôi bị trễ hẹn", null, null, "web", false,
                null, null, null, null)).code();
        comments.startHandling(code, "can-bo-1");
        comments.answer(code, "can-bo-1", "Cơ quan đã xử lý xong và xin lỗi vì trễ hẹn.");
        comments.publish(code, "lanh-dao", comments.find(code).orElseThrow().text());

        // The transparency page issues the reader's cookie when it is shown.
        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/minh-bach"), String.class);
        assertThat(page.getHeaders().get("Set-Cookie")).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        String cookie = page.getCookie("dvc_reader").orElseThrow().getValue();
        HttpResponse<String> again = client.toBlocking().exchange(HttpRequest.GET("/minh-bach")
                .cookie(Cookie.of("dvc_reader", cookie)), String.class);
        assertThat(again.getCookie("dvc_reader")).as("no new cookie for a known reader").isEmpty();

        assertThat(counts(react(code, true, cookie))).isEqualTo("1/0");
        assertThat(counts(react(code, true, cookie))).as("the same vote again").isEqualTo("1/0");
        assertThat(counts(react(code, false, cookie))).as("the reader changed their mind").isEqualTo("0/1");
        assertThat(counts(react(code, true, readerCookie()))).as("another reader").isEqualTo("1/1");
        HttpClientResponseException garbled = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/api/v1/comments/" + code + "/reaction",
                        Map.of("useful", "maybe")).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));
        assertThat(garbled.getStatus().getCode()).isEqualTo(400);
        assertThat(comments.track(code).orElseThrow().usefulCount()).isEqualTo(1);
    }

    private HttpResponse<Map> react(String code, boolean useful, String cookie) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/comments/" + code + "/reaction", Map.of("useful", useful))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (cookie != null) {
            request.cookie(Cookie.of("dvc_reader", cookie));
        }
        return client.toBlocking().exchange(request, Map.class);
    }

    /** A new reader: the cookie the transparency page issues. */
    private String readerCookie() {
        return client.toBlocking().exchange(HttpRequest.GET("/minh-bach"), String.class).getCookie("dvc_reader")
                .orElseThrow().getValue();
    }

    private static String counts(HttpResponse<Map> response) {
        return response.body().get("usefulCount") + "/" + response.body().get("notUsefulCount");
    }

    @Test
    void illegalTransitionsAreRefused() {
        String code = comments.submit(new CommentSubmission("Góp ý", null, null, "web", false,
                null, null, null, null)).code();
        Refusal publishUnanswered = catchThrowableOfType(Refusal.class, () -> comments.publish(code, "x", "Góp ý"));
        assertThat(publishUnanswered.code()).isEqualTo("invalid_transition");
        assertThat(publishUnanswered.reason()).isEqualTo(Refusal.Reason.INVALID);

        comments.reject(code, "can-bo-2", "Nội dung không thuộc phạm vi tiếp nhận");
        assertThat(catchThrowableOfType(Refusal.class,
                () -> comments.answer(code, "x", "trả lời")).code()).isEqualTo("invalid_transition");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("rejected");

        HttpClientResponseException reactOnUnpublished = catchThrowableOfType(HttpClientResponseException.class,
                () -> react(code, true, readerCookie()));
        assertThat(reactOnUnpublished.getStatus().getCode()).isEqualTo(404);
    }

    @Test
    void badSubmissionsAre400() {
        assertThat(refusal(Map.of("text", " "))).isEqualTo("missing_comment_text");
        assertThat(refusal(Map.of("text", "x", "topicId", "khong-co"))).isEqualTo("unknown_topic");
        assertThat(refusal(Map.of("text", "x", "field", "nong-nghiep"))).isEqualTo("unknown_field");
        assertThat(refusal(Map.of("text", "x", "channel", "fax"))).isEqualTo("unknown_channel");
        assertThat(refusal(Map.of("text", "x", "consent", true, "email", "khong-phai-email"))).isEqualTo("invalid_email");
        // Read as "no" before: the contact details were silently dropped.
        assertThat(refusal(Map.of("text", "x", "consent", "có", "phone", "0912345678"))).isEqualTo("invalid_field");
    }

    @Test
    void transparencyPageEscapesWhatCitizensAndStaffWrote() {
        String code = comments.submit(new CommentSubmission("<script>alert('x')</script> trang lỗi", null, "dvc-chung",
                "web", false, null, null, null, null)).code();
        comments.startHandling(code, "can-bo");
        comments.answer(code, "can-bo", "Đã sửa <b>lỗi</b> <script>alert(1)</script>");
        comments.publish(code, "can-bo", comments.find(code).orElseThrow().text());

        HttpResponse<String> page = client.toBlocking().exchange(HttpRequest.GET("/minh-bach"), String.class);
        assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(page.body()).contains(code, "&lt;script&gt;alert(", "Đã sửa &lt;b&gt;lỗi&lt;/b&gt;")
                .doesNotContain("<script>alert").doesNotContain("<b>lỗi</b>");
    }

    @Test
    void statisticsCountAcknowledgedAndAnswered() {
        String code = comments.submit(new CommentSubmission("Thống kê", null, "thue", "web", false,
                null, null, null, null)).code();
        comments.startHandling(code, "can-bo");
        comments.answer(code, "can-bo", "Đã trả lời");
        CommentReport report = statistics.compute(Period.ALL, "THUE");
        assertThat(report.total().received()).isGreaterThanOrEqualTo(1);
        assertThat(report.total().acknowledged()).isEqualTo(report.total().received());
        assertThat(report.total().answeredOnTime()).isGreaterThanOrEqualTo(1);
        assertThat(report.total().medianDaysToAnswer()).isNotNull();
        assertThat(report.byAgency()).singleElement().satisfies(a -> assertThat(a.agencyName()).isEqualTo("Thuế tỉnh"));
    }

    private HttpResponse<Map> submit(Map<String, ?> body) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/comments", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
    }

    private String refusal(Map<String, ?> body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, () -> submit(body));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        return (String) e.getResponse().getBody(Map.class).orElseThrow().get("error");
    }
}
