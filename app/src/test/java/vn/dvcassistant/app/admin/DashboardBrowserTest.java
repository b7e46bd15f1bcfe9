package vn.dvcassistant.app.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The staff and citizen forms in a real headless Chromium: login, charts, a hostile comment shown as text,
 * the answer form, the transparency reaction and the printed survey. Form posts are sent by the browser
 * itself, with the Origin and Referer headers it chooses, so a policy that makes it send {@code Origin: null}
 * (refused by Micronaut's drive-by-localhost protection) fails here.
 */
@MicronautTest(transactional = false)
class DashboardBrowserTest {

    private static final String HOSTILE = "<script>window.pwned = 1; alert('xss')</script> Hồ sơ bị trả <b>3 lần</b>";

    @Inject
    vn.dvcassistant.app.satisfaction.SurveyTokens surveyTokens;

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;

    HeadlessChromium chromium;
    WebDriver browser;
    BrowserPage page;

    @BeforeEach
    void start() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        page = new BrowserPage(chromium, server, Duration.ofSeconds(15));
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void agencyStaffLogInSeeTheChartsAndAHostileCommentAsPlainTextThenAnswerIt() {
        String code = comments.submit(new CommentSubmission(HOSTILE, null, "ho-tich", "web", false, null, null, null,
                null)).code();
        String username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP");

        browser.get(page.url("/quan-tri/tong-quan"));
        assertThat(browser.getCurrentUrl()).as("an anonymous visitor is sent to the login page").endsWith("/dang-nhap");
        browser.findElement(By.cssSelector("form[action='/login'] #username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(StaffSession.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/quan-tri/tong-quan")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tổng quan mức độ hài lòng");
        assertThat(browser.findElements(By.cssSelector("#gauges svg"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#trend svg, #ranking svg"))).hasSize(2);
        assertThat(browser.findElements(By.id("agency"))).as("agency staff cannot pick another agency").isEmpty();

        browser.get(page.url("/quan-tri/gop-y/" + code));
        assertThat(browser.findElement(By.id("comment-text")).getText()).isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#comment-text script, #comment-text b"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(page.js("return window.pwned === undefined")).isEqualTo(true);

        browser.findElement(By.id("answer")).sendKeys("Sở Tư pháp đã kiểm tra và hướng dẫn lại hồ sơ.");
        browser.findElement(By.id("send-answer")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("answer-text")));
        assertThat(browser.getCurrentUrl()).isEqualTo(page.url("/quan-tri/gop-y/" + code));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Đã trả lời, chờ công khai");
        assertThat(browser.findElement(By.id("answer-text")).getText())
                .isEqualTo("Sở Tư pháp đã kiểm tra và hướng dẫn lại hồ sơ.");
        assertThat(browser.findElements(By.id("send-answer"))).as("an answer is not sent twice").isEmpty();
        // The hostile text is plain text in the public text's box and its preview too.
        assertThat(browser.findElement(By.id("public-text")).getAttribute("value")).isEqualTo(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#public-preview script, #public-preview .text b"))).isEmpty();
        browser.findElement(By.id("publish")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Đã công khai trả lời"));
        assertThat(page.js("return window.pwned === undefined")).isEqualTo(true);

        browser.get(page.url("/minh-bach"));
        assertThat(browser.getPageSource()).doesNotContain("<script>window.pwned");
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        browser.findElement(By.cssSelector("article[id='" + code + "'] input[value='true'] + button")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("article[id='" + code + "'] input[value='true'] + button"), "(1)"));
        assertThat(sql().count("SELECT useful_count FROM citizen_comment WHERE code = ?", code)).isEqualTo(1);
    }

    @Test
    void agencyStaffRejectACommentFromItsPageAndTheReasonIsShown() {
        String code = comments.submit(new CommentSubmission("Xin hỏi giá vé xe buýt liên tỉnh", null, "ho-tich", "web",
                false, null, null, null, null)).code();
        String username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP");
        page.logIn(username);

        browser.get(page.url("/quan-tri/gop-y/" + code));
        browser.findElement(By.id("reason")).sendKeys("Nội dung không thuộc lĩnh vực tư pháp.");
        browser.findElement(By.id("reject")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("status"), "Từ chối tiếp nhận"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page.url("/quan-tri/gop-y/" + code));
        assertThat(browser.findElement(By.id("status-note")).getText()).isEqualTo("Nội dung không thuộc lĩnh vực tư pháp.");
        // Only the correction of field and agency stays, for the figures.
        assertThat(browser.findElements(By.cssSelector("main form:not([action$='/phan-loai'])")))
                .as("nothing is left to do").isEmpty();
        assertThat(browser.findElement(By.id("history")).getText()).contains(username, "Từ chối tiếp nhận");
    }

    @Test
    void anAdminSeesEveryFieldAgainstItsTargetInVietnameseAndAGreyGaugeOnTwoRatings() {
        ratings("2131-03-10", "ho-tich", "SO-TP", "web", 990, 10);
        ratings("2131-04-02", "dat-dai", "SO-NNMT", "telegram", 2, 0);
        ratings("2130-03-10", "ho-tich", "SO-TP", "web", 40, 10);
        String question = handOffQuestion("2131-05-04");
        page.logIn(StaffSession.newUser(accounts, Roles.ADMIN, null));

        browser.get(page.url("/quan-tri/tong-quan?from=2131-01-01&to=2131-12-31"));
        assertThat(browser.findElements(By.cssSelector("#field-table tr[data-field]"))).as("all 13 fields").hasSize(13);
        assertThat(browser.findElement(By.cssSelector("#field-table tr[data-field='ho-tich']")).getText())
                .contains("Hộ tịch", "1.000", "99,0%", "90%", "Đạt");
        assertThat(browser.findElement(By.cssSelector("#field-table tr[data-field='dat-dai']")).getText())
                .contains("Đất đai", "100,0%", "85%", "Chưa đủ dữ liệu");
        assertThat(browser.findElement(By.cssSelector("#field-table tr[data-field='thue']")).getText())
                .contains("Thuế", "Chưa đủ dữ liệu");
        String landGauge = browser.findElements(By.cssSelector("#gauges svg")).get(1).getAttribute("outerHTML");
        assertThat(landGauge).as("two ratings: grey, never green").contains("Chưa đủ dữ liệu", "#9e9e9e")
                .doesNotContain("#1b7f3b");
        assertThat(browser.findElement(By.cssSelector("#comparison tr[data-kind='PREVIOUS']")).getText())
                .contains("Kỳ liền trước", "01/01/2130 – 31/12/2130", "80,0%");
        assertThat(browser.findElement(By.cssSelector("#comparison tr[data-kind='LAST_YEAR']")).getText())
                .contains("Cùng kỳ năm trước");
        assertThat(browser.findElement(By.id("trend")).getAttribute("innerHTML")).contains("T3/2131", "T4/2131");
        assertThat(browser.getPageSource()).doesNotContainPattern("\\d+\\.\\d%");
        assertThat(browser.findElement(By.id("comment-figures")).getText()).contains("Câu hỏi chuyển cán bộ",
                "Tỷ lệ tiếp nhận (mục tiêu 100%)");
        assertThat(browser.findElement(By.id("questions-received")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("questions-acknowledged-rate")).getText()).isEqualTo("0,0%");
        assertThat(browser.findElement(By.id("comments-received")).getText()).as("questions are not comments").isEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("#overdue tr[data-code='" + question + "']")).getText())
                .contains("Sở Tư pháp", "Đã tiếp nhận", "Câu hỏi chuyển cán bộ").doesNotContain("SO-TP");
        assertThat(browser.findElement(By.id("report-docx")).getAttribute("href"))
                .contains("/quan-tri/bao-cao?from=2131-01-01&to=2131-12-31", "format=docx");
    }

    @Test
    void aCitizenRatesAProcedureOnThePrintedSurveyForm() {
        // Letters only: stored comments have digit runs that look like phone or card numbers masked,
        // and a random UUID sometimes contains one.
        String comment = "Cán bộ hướng dẫn tận tình " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

        String poster = surveyTokens.issue("dang-ky-khai-sinh", "SO-TP", java.time.LocalDate.now().plusDays(30));
        browser.get(page.url("/khao-sat/dang-ky-khai-sinh?t=" + java.net.URLEncoder.encode(poster,
                java.nio.charset.StandardCharsets.UTF_8)));
        browser.findElement(By.id("comment")).sendKeys(comment);
        browser.findElement(By.cssSelector("button[value='rat_hai_long']")).click();
        page.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Cảm ơn bạn đã đánh giá"));

        assertThat(sql().column("SELECT level || ' ' || agency || ' ' || channel FROM satisfaction_rating "
                + "WHERE topic_id = 'dang-ky-khai-sinh' AND comment = ?", comment))
                .containsExactly("rat_hai_long SO-TP survey");
    }

    /** A question handed over to staff on {@code day} and left past its deadline, stored as issue 14 stores them. */
    private String handOffQuestion(String day) {
        String code = comments.submit(new CommentSubmission("Hỏi về trích lục khai sinh", null, "ho-tich", "web",
                false, null, null, null, null)).code();
        sql().update("UPDATE citizen_comment SET kind = 'question', received_at = ?::date + time '09:00', "
                + "answer_due = current_date - 2, alerted_at = now() WHERE code = ?", day, code);
        return code;
    }

    private void ratings(String day, String field, String agency, String channel, int satisfied, int unsatisfied) {
        sql().update("""
                INSERT INTO satisfaction_rating (topic_id, field, agency, channel, level, satisfied, rated_on, rated_at)
                SELECT 'dang-ky-khai-sinh', ?, ?, ?, CASE WHEN g <= ? THEN 'hai_long' ELSE 'khong_hai_long' END,
                       g <= ?, ?::date, ?::date FROM generate_series(1, ?) g
                """, field, agency, channel, satisfied, satisfied, day, day, satisfied + unsatisfied);
    }

    private RawSql sql() {
        return new RawSql(dataSource);
    }
}
