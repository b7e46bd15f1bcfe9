package vn.dvcassistant.app.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.satisfaction.SurveyTokens;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a 390 x 844 phone in headless Chromium: the public pages' header, the survey's thank-you page, a
 * volunteer's pages (what they may do, the assisted-survey form), the staff's printables, and axe-core
 * (installed by npm in src/test/js, injected into the page under test) on the staff pages as well.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.conversation.province-name", value = "Tỉnh Hà Nam")
class PhoneStaffPagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    SurveyTokens surveyTokens;
    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;

    BrowserPage page;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--lang=vi");
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void phoneWithNoSession() {
        page = new BrowserPage(chromium, server, WAIT);
        page.onPhone();
        browser.get(page.url("/dang-nhap"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void publicPagesNameTheProvinceLeadBackToTheChatAndTypeInTheReadingFont() throws IOException {
        for (String path : List.of("/gop-y/tra-cuu", "/minh-bach", survey("dang-ky-khai-sinh"))) {
            browser.get(page.url(path));
            WebElement header = browser.findElement(By.cssSelector("header.site"));
            assertThat(header.findElement(By.cssSelector(".province")).getText()).as(path).isEqualTo("Tỉnh Hà Nam");
            WebElement back = header.findElement(By.cssSelector("a.to-chat"));
            assertThat(back.getText()).as(path).isEqualTo("Về trang hỏi đáp");
            assertThat(back.getRect().getHeight()).as(path + ": the link is a 44 px target").isGreaterThanOrEqualTo(44);
            for (WebElement field : browser.findElements(By.cssSelector("input:not([type=hidden]), textarea, select, button"))) {
                assertThat(String.valueOf(page.js("return getComputedStyle(arguments[0]).fontFamily;", field)))
                        .as(path + " " + field.getAttribute("outerHTML")).doesNotContainIgnoringCase("monospace");
            }
            assertThat(page.widthFits()).as(path + " fits 390 px").isTrue();
            assertThat(chromium.seriousAxeViolations()).as(path).isEmpty();
        }

        browser.get(page.url("/gop-y/tra-cuu"));
        browser.findElement(By.cssSelector("header.site a.to-chat")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/")));
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".welcome")));
    }

    @Test
    void theSurveyThankYouPageLeadsToTheChatOnThatProcedureAndToTracking() throws IOException {
        browser.get(page.url(survey("dang-ky-khai-sinh")));
        browser.findElement(By.cssSelector("button[value='hai_long']")).click();
        page.waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Cảm ơn bạn đã đánh giá"));

        assertThat(browser.findElement(By.cssSelector("a.track")).getAttribute("href")).isEqualTo(page.url("/gop-y/tra-cuu"));
        assertThat(chromium.seriousAxeViolations()).isEmpty();
        assertThat(page.widthFits()).isTrue();
        for (WebElement link : browser.findElements(By.cssSelector(".next a"))) {
            assertThat(link.getRect().getHeight()).as(link.getText()).isGreaterThanOrEqualTo(44);
        }

        assertThat(browser.findElement(By.cssSelector("a.ask")).getAttribute("href")).isEqualTo(page.url("/?chu-de=dang-ky-khai-sinh"));
        page.js("localStorage.clear();");
        browser.findElement(By.cssSelector("a.ask")).click();
        page.waitFor(d -> d.findElements(By.cssSelector(".msg.bot h2")).stream().anyMatch(h -> h.getText().equals("Đăng ký khai sinh")));
    }

    @Test
    void aVolunteerLandsOnAPageSayingWhatTheyMayDoNotRawJson() throws IOException {
        page.logIn(StaffSession.newUser(accounts, Roles.VOLUNTEER, null));
        page.waitFor(ExpectedConditions.urlToBe(page.url("/quan-tri/tong-quan")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Việc bạn có thể làm");
        assertThat(browser.getPageSource()).doesNotContain("\"message\"").doesNotContain("Forbidden");
        assertThat(browser.findElement(By.cssSelector("#do-survey a")).getAttribute("href")).isEqualTo(page.url("/quan-tri/khao-sat"));
        assertThat(browser.findElement(By.cssSelector("#do-print a")).getAttribute("href")).isEqualTo(page.url("/quan-tri/huong-dan"));
        assertThat(browser.findElement(By.id("do-print")).getText()).contains("bộ phận một cửa");
        assertThat(browser.findElements(By.cssSelector("#gauges svg"))).as("no figures for a volunteer").isEmpty();
        assertThat(page.widthFits()).isTrue();
        assertThat(chromium.seriousAxeViolations()).isEmpty();

        browser.findElement(By.cssSelector("#do-print a")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/quan-tri/huong-dan")));
        assertThat(browser.findElements(By.cssSelector("a[href='/quan-tri/phieu-khao-sat']")))
                .as("posters are issued by one-stop desk staff").isEmpty();
        assertThat(page.widthFits()).isTrue();
        assertThat(chromium.seriousAxeViolations()).isEmpty();
    }

    @Test
    void theAssistedSurveyFormFitsAPhoneOffersProceduresOnlyGroupedSortedAndSearchableWithNothingPreselected()
            throws IOException {
        page.logIn(StaffSession.newUser(accounts, Roles.VOLUNTEER, null));
        browser.get(page.url("/quan-tri/khao-sat"));

        assertThat(((Number) page.js("return document.documentElement.scrollWidth;")).intValue()).isLessThanOrEqualTo(390);
        assertThat(browser.findElement(By.tagName("form")).getRect().getWidth()).isLessThanOrEqualTo(390);
        Select procedure = new Select(browser.findElement(By.id("topicId")));
        assertThat(procedure.getFirstSelectedOption().getAttribute("value")).as("no procedure chosen for the volunteer").isEmpty();
        List<String> values = procedure.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(values).contains("dang-ky-khai-sinh", "dang-ky-ket-hon")
                .as("information topics are not procedures").doesNotContain("giay-phep-lai-xe-quoc-te", "cong-dich-vu-cong-cua-tinh");

        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<WebElement> groups = browser.findElements(By.cssSelector("#topicId optgroup"));
        List<String> fields = groups.stream().map(g -> g.getAttribute("label")).toList();
        assertThat(fields).contains("Hộ tịch").isSortedAccordingTo(vietnamese);
        for (WebElement group : groups) {
            List<String> titles = group.findElements(By.tagName("option")).stream()
                    .map(o -> o.getAttribute("textContent").strip()).toList();
            assertThat(titles).as(group.getAttribute("label")).isNotEmpty().isSortedAccordingTo(vietnamese);
        }

        List<WebElement> answers = browser.findElements(By.cssSelector("fieldset label"));
        assertThat(answers).hasSize(3);
        for (WebElement answer : answers) {
            assertThat(answer.getRect().getHeight()).as("a satisfaction answer is a large target").isGreaterThanOrEqualTo(44);
            assertThat(answer.findElement(By.tagName("input")).getRect().getWidth()).isGreaterThanOrEqualTo(24);
        }
        assertThat(chromium.seriousAxeViolations()).isEmpty();

        // Typed as an elderly citizen's helper would, without diacritics.
        WebElement search = browser.findElement(By.id("tim"));
        search.sendKeys("khai sinh");
        search.submit();
        page.waitFor(ExpectedConditions.urlContains("tim="));
        List<String> found = new Select(browser.findElement(By.id("topicId"))).getOptions().stream()
                .map(o -> o.getAttribute("textContent").strip()).filter(t -> !t.startsWith("—")).toList();
        assertThat(found).contains("Đăng ký khai sinh").allSatisfy(t -> assertThat(t.toLowerCase(Locale.ROOT)).contains("khai sinh"));
        assertThat(browser.findElement(By.id("found")).getText()).contains("khai sinh");

        new Select(browser.findElement(By.id("topicId"))).selectByValue("dang-ky-khai-sinh");
        browser.findElement(By.cssSelector("input[name='level'][value='rat_hai_long']")).click();
        // Letters only: digit runs in stored comments are masked as if they were phone or card numbers.
        String comment = "Được hướng dẫn tận tình " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        browser.findElement(By.id("comment")).sendKeys(comment);
        browser.findElement(By.cssSelector("button.send")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(new RawSql(dataSource).column("SELECT topic_id || ' ' || channel || ' ' || level FROM satisfaction_rating"
                + " WHERE comment = ?", comment)).containsExactly("dang-ky-khai-sinh assisted rat_hai_long");
    }

    @Test
    void staffListThePrintableGuidesPerFieldWithPrintAllAndReachTheSurveyPosters() throws IOException {
        page.logIn(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP"));
        browser.findElement(By.cssSelector("header a[href='/quan-tri/huong-dan']")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/quan-tri/huong-dan")));

        WebElement civil = browser.findElement(By.cssSelector("section[data-field='ho-tich']"));
        List<String> titles = civil.findElements(By.cssSelector("li a")).stream().map(WebElement::getText).toList();
        assertThat(titles).contains("Đăng ký khai sinh", "Đăng ký kết hôn")
                .isSortedAccordingTo(Collator.getInstance(Locale.forLanguageTag("vi")));
        assertThat(browser.findElements(By.cssSelector("section[data-field] a.print-all")))
                .hasSize(browser.findElements(By.cssSelector("section[data-field]")).size())
                .allSatisfy(a -> assertThat(a.getText()).startsWith("In tất cả"));
        assertThat(page.widthFits()).isTrue();
        assertThat(chromium.seriousAxeViolations()).isEmpty();

        browser.findElement(By.cssSelector("#posters a[href='/quan-tri/phieu-khao-sat']")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/quan-tri/phieu-khao-sat")));
        browser.navigate().back();

        civil = browser.findElement(By.cssSelector("section[data-field='ho-tich']"));
        civil.findElement(By.cssSelector("a.print-all")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url("/huong-dan/linh-vuc/ho-tich")));
        assertThat(browser.findElements(By.cssSelector("article.guide"))).hasSize(titles.size());
        assertThat(browser.findElements(By.cssSelector("article.guide .qr img"))).hasSize(titles.size());
    }

    @Test
    void theStaffDashboardAndCommentPagesHaveNoSeriousAccessibilityViolation() throws IOException {
        String code = comments.submit(new CommentSubmission("Hồ sơ khai sinh bị trả lại hai lần, không rõ lý do.",
                null, "ho-tich", "web", false, null, null, null, null)).code();
        page.logIn(StaffSession.newUser(accounts, Roles.ADMIN, null));
        List<String> found = new ArrayList<>();
        for (String path : List.of("/quan-tri/tong-quan", "/quan-tri/gop-y", "/quan-tri/gop-y/" + code,
                "/quan-tri/khao-sat", "/quan-tri/huong-dan", "/quan-tri/phieu-khao-sat")) {
            browser.get(page.url(path));
            assertThat(browser.getCurrentUrl()).isEqualTo(page.url(path));
            chromium.seriousAxeViolations().forEach(v -> found.add(path + " " + v));
        }
        assertThat(found).isEmpty();
    }

    private String survey(String topicId) {
        String token = surveyTokens.issue(topicId, "SO-TP", LocalDate.now().plusDays(30));
        return "/khao-sat/" + topicId + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
