package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.StaffSession;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 4: a reaction counts only with the reader cookie the transparency page issued. Without it, or
 * with a made-up or tampered value, nothing is counted (403 {@code reader_cookie_required}, on the API and on the
 * page's form, which comes back with the cookie); with it each reader counts once per answer.
 */
@MicronautTest(transactional = false)
class ReactionReaderCookieTest {

    @Inject
    EmbeddedServer server;
    @Inject
    CommentService comments;

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
    void withoutTheCookieThePageIssuedAReactionIsRefusedAndNotCounted() {
        String code = publishedComment();
        for (String cookie : new String[] {null, "forged-value", "AAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA", tampered(readerCookie())}) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> api = json(code, cookie);
                assertThat(api.getStatus().getCode()).as(String.valueOf(cookie)).isEqualTo(403);
                assertThat(api.body()).contains("\"error\":\"reader_cookie_required\"", "cho phép cookie");
            }
            HttpResponse<String> form = form(code, cookie);
            assertThat(form.getStatus().getCode()).isEqualTo(403);
            assertThat(form.body()).contains("id=\"reaction-notice\"", "Chưa ghi nhận đánh giá của bạn");
            assertThat(form.getCookie("dvc_reader")).as("the page offers the cookie to press again").isPresent();
        }
        assertThat(comments.track(code).orElseThrow().usefulCount()).isZero();
    }

    @Test
    void withTheCookieThePageIssuedEachReaderCountsOncePerAnswer() {
        String code = publishedComment();
        String first = readerCookie();
        String second = readerCookie();
        assertThat(first).isNotEqualTo(second);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> pressed = form(code, first);
            assertThat(pressed.getStatus().getCode()).isEqualTo(303);
            assertThat(pressed.header("Location")).isEqualTo("/minh-bach#" + code);
        }
        assertThat(json(code, second).getStatus().getCode()).isEqualTo(200);
        assertThat(json(code, second).getStatus().getCode()).isEqualTo(200);
        CommentTracking counted = comments.track(code).orElseThrow();
        assertThat(counted.usefulCount()).as("two readers, however often they press").isEqualTo(2);
        assertThat(client.toBlocking().retrieve(HttpRequest.GET("/minh-bach"))).contains("Hữu ích (2)");
    }

    private String publishedComment() {
        String code = comments.submit(new CommentSubmission("Trang dịch vụ công hay bị treo khi nộp hồ sơ", null,
                "dvc-chung", "web", false, null, null, null, null)).code();
        comments.startHandling(code, "can-bo");
        comments.answer(code, "can-bo", "Đã nâng cấp máy chủ.");
        comments.publish(code, "can-bo", "Trang dịch vụ công hay bị treo khi nộp hồ sơ");
        return code;
    }

    private String readerCookie() {
        HttpResponse<String> page = StaffSession.send(client, HttpRequest.GET("/minh-bach"));
        assertThat(page.getStatus().getCode()).isEqualTo(200);
        return page.getCookie("dvc_reader").orElseThrow().getValue();
    }

    /** The same reader id with another signature: a valid-looking value the service never issued. */
    private static String tampered(String cookie) {
        int dot = cookie.indexOf('.');
        char last = cookie.charAt(dot - 1);
        return cookie.substring(0, dot - 1) + (last == 'A' ? 'B' : 'A') + cookie.substring(dot);
    }

    private HttpResponse<String> json(String code, String cookie) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/v1/comments/" + code + "/reaction", Map.of("useful", true))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        return StaffSession.send(client, cookie == null ? request : request.cookie(
                io.micronaut.http.cookie.Cookie.of("dvc_reader", cookie)));
    }

    private HttpResponse<String> form(String code, String cookie) {
        MutableHttpRequest<?> request = StaffSession.origin(HttpRequest.POST("/minh-bach/" + code + "/reaction",
                "useful=true").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        return StaffSession.send(client, cookie == null ? request : request.cookie(
                io.micronaut.http.cookie.Cookie.of("dvc_reader", cookie)));
    }
}
