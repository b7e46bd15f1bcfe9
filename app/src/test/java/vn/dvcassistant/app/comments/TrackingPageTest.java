package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.StaffSession;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The citizen's tracking page, /gop-y/tra-cuu: plain HTML, no login, no script. */
@MicronautTest(transactional = false)
class TrackingPageTest {

    private static final String PAGE = "/gop-y/tra-cuu";

    @Inject
    EmbeddedServer server;
    @Inject
    CommentService comments;
    @Inject
    ReplyOutboxRepository outbox;

    HttpClient client;

    @BeforeEach
    void open() {
        // Redirects are not followed, so the form's 303 is seen.
        client = StaffSession.client(server);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void withoutACodeThePageAsksForOne() {
        HttpResponse<String> page = get(PAGE);
        assertThat(page.getStatus().getCode()).isEqualTo(200);
        assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
        assertThat(page.body()).contains("Tra cứu góp ý, phản ánh", "name=\"ma\"", "Nhập mã theo dõi");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).as("the address holds the code").isEqualTo("same-origin");
    }

    @Test
    void aReceivedCommentShowsItsStatusAgencyAndDatesButNothingPersonal() {
        SubmittedComment submitted = comments.submit(new CommentSubmission("Xin hỏi cấp sổ đỏ lần đầu mất bao lâu?",
                "cap-giay-chung-nhan-lan-dau", null, "web", true, "Nguyễn Văn A", "0912345678", "a@example.vn", null));
        assertThat(submitted.trackingUrl()).as("relative on the web while DVC_PUBLIC_URL is unset")
                .isEqualTo(PAGE + "?ma=" + submitted.code());

        HttpResponse<String> page = get(PAGE + "?ma=" + submitted.code().toLowerCase());
        assertThat(page.getStatus().getCode()).isEqualTo(200);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(page.body()).contains(submitted.code(), "Tình trạng: Đã tiếp nhận", "Cơ quan đã nhận góp ý",
                        "Sở Nông nghiệp và Môi trường", "Ngày nhận: " + dayMonthYear(today),
                        "Hạn trả lời: " + dayMonthYear(submitted.answerDue()))
                .doesNotContain("Nguyễn Văn A").doesNotContain("0912345678").doesNotContain("a@example.vn")
                .as("the text is public only with the published answer").doesNotContain("sổ đỏ lần đầu")
                .doesNotContain("<textarea");
    }

    @Test
    void aPublishedAnswerIsShownAndWhatPeopleWroteIsEscaped() {
        String code = comments.submit(new CommentSubmission("<script>alert('x')</script> trang lỗi", null, "dvc-chung",
                "web", false, null, null, null, null)).code();
        comments.startHandling(code, "can-bo");
        comments.answer(code, "can-bo", "Đã sửa <b>lỗi</b> <script>alert(1)</script>");
        comments.publish(code, "can-bo", comments.find(code).orElseThrow().text());

        String page = get(PAGE + "?ma=" + code).body();
        assertThat(page).contains("Đã công khai trả lời", "Trả lời của cơ quan", "&lt;script&gt;alert(",
                        "Đã sửa &lt;b&gt;lỗi&lt;/b&gt;", "Ngày công khai")
                .doesNotContain("<script>").doesNotContain("<b>lỗi</b>").doesNotContain("Hạn trả lời");
    }

    @Test
    void theFormAnswersTheAgencysQuestionAndMovesTheCommentOn() {
        String code = comments.submit(new CommentSubmission("Hồ sơ của tôi bị trả lại", null, "ho-tich",
                "web", false, null, null, null, null)).code();
        comments.requestInformation(code, "can-bo-tp", "Bạn nộp hồ sơ ở đâu? <script>x</script>");

        String asked = get(PAGE + "?ma=" + code).body();
        assertThat(asked).contains("Cần bổ sung thông tin", "Cơ quan cần bạn bổ sung",
                        "Bạn nộp hồ sơ ở đâu? &lt;script&gt;", "<textarea",
                        "action=\"/gop-y/tra-cuu/" + code + "/bo-sung\"", "được tính lại")
                .doesNotContain("<script>x").as("no deadline runs while waiting").doesNotContain("Hạn trả lời:");

        HttpResponse<String> empty = post(code, "text=+");
        assertThat(empty.getStatus().getCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Bạn cần ghi rõ", "<textarea");

        HttpResponse<String> sent = post(code, "text=" + URLEncoder.encode(
                "Xã An Phú, CCCD 001203004567", StandardCharsets.UTF_8));
        assertThat(sent.getStatus().getCode()).isEqualTo(303);
        assertThat(sent.header(HttpHeaders.LOCATION)).isEqualTo(PAGE + "?ma=" + code + "&da-gui=1");
        String after = get(sent.header(HttpHeaders.LOCATION)).body();
        assertThat(after).contains("Đã gửi thông tin bổ sung", "Tình trạng: Đang xử lý",
                "Hạn trả lời: " + dayMonthYear(comments.track(code).orElseThrow().answerDue())).doesNotContain("<textarea");

        CitizenComment stored = comments.find(code).orElseThrow();
        assertThat(stored.status()).isEqualTo("in_progress");
        assertThat(stored.text()).contains("Xã An Phú").doesNotContain("001203004567");
        assertThat(comments.history(code)).extracting(CommentEvent::toStatus, CommentEvent::actor)
                .endsWith(tuple("needs_info", "can-bo-tp"), tuple("in_progress", "citizen"));

        HttpResponse<String> again = post(code, "text=th%C3%AAm");
        assertThat(again.getStatus().getCode()).isEqualTo(409);
        assertThat(again.body()).contains("không chờ bổ sung thông tin");
        assertThat(comments.history(code)).hasSize(3);
    }

    @Test
    void aCommentSentFromAChatIsAnsweredInThatChatNotOnThePage() {
        String code = comments.submit(new CommentSubmission("Trang nộp hồ sơ lỗi", null, null, "zalo", true,
                null, null, null, "zalo-user-1")).code();
        comments.requestInformation(code, "can-bo", "Bạn dùng điện thoại gì?");

        String page = get(PAGE + "?ma=" + code).body();
        assertThat(page).contains("được gửi qua Zalo", "bổ sung " + code).doesNotContain("<textarea");
        assertThat(outbox.findByCommentId(comments.find(code).orElseThrow().id())).singleElement()
                .extracting(ReplyOutboxEntry::text).asString().contains("bổ sung " + code);

        HttpResponse<String> forged = post(code, "text=iPhone");
        assertThat(forged.getStatus().getCode()).isEqualTo(403);
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("needs_info");
    }

    @Test
    void anUnknownCodeIsAFriendly404() {
        for (String typed : new String[] {"GY-2222AA", "<script>alert(1)</script>"}) {
            HttpResponse<String> page = get(PAGE + "?ma=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(page.getStatus().getCode()).isEqualTo(404);
            assertThat(page.getContentType().orElseThrow().getName()).isEqualTo("text/html");
            assertThat(page.body()).contains("Không tìm thấy góp ý có mã", "kiểm tra lại mã")
                    .doesNotContain("<script>alert").doesNotContain("Exception");
        }
        HttpResponse<String> posted = post("GY-2222AA", "text=abc");
        assertThat(posted.getStatus().getCode()).isEqualTo(404);
        assertThat(posted.body()).contains("Không tìm thấy góp ý có mã GY-2222AA");
    }

    private HttpResponse<String> get(String uri) {
        return StaffSession.send(client, HttpRequest.GET(uri).accept(MediaType.TEXT_HTML_TYPE));
    }

    private HttpResponse<String> post(String code, String form) {
        return StaffSession.send(client, HttpRequest.POST(PAGE + "/" + code + "/bo-sung", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
    }

    private static String dayMonthYear(String isoDate) {
        LocalDate day = LocalDate.parse(isoDate);
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }
}
