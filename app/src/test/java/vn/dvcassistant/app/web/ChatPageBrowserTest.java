package vn.dvcassistant.app.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import vn.dvcassistant.app.security.RawSql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chat page as a citizen uses it: Debian's Chromium, headless, against the real service (embedded
 * server, embedded PostgreSQL, the real knowledge base). The browser and its driver are the system's,
 * named explicitly, so Selenium Manager never tries to download one.
 */
@MicronautTest(transactional = false)
class ChatPageBrowserTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    /** The stored session key of a page's session id (conversation.SessionKeys), in SQL. */
    private static final String SESSION_KEY = "encode(sha256(convert_to(?, 'UTF8')), 'hex')";

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    BrowserPage page;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--window-size=1280,900", "--lang=vi");
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** Every test is a new citizen: a new session id, a fresh page, a desktop-sized window. */
    @BeforeEach
    void openFreshPage() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.manage().window().setSize(new Dimension(1280, 900));
        page = new BrowserPage(chromium, server, REPLY_TIMEOUT);
        page.freshChat();
    }

    @Test
    void greetsWithTheAssistantNoticeAndAsksForConsent() {
        WebElement greeting = page.botMessages().get(0);
        assertThat(greeting.getText())
                .contains("Tôi là trợ lý tự động")
                .contains("Bạn có đồng ý cho lưu thông tin cá nhân");

        List<WebElement> consentButtons = greeting.findElements(By.cssSelector(".actions.consent button"));
        assertThat(consentButtons).extracting(WebElement::getText).containsExactly("Đồng ý", "Không đồng ý");

        consentButtons.get(0).click();
        WebElement reply = page.waitForBotMessages(2).get(1);
        assertThat(reply.getText()).contains("Cảm ơn bạn đã đồng ý");
        assertThat(consentButtons).allMatch(button -> !button.isEnabled());
    }

    @Test
    void answersBirthRegistrationShortFirstWithPartButtonsAndAnOfficialLinkInANewTab() {
        page.ask("dang ky khai sinh cho con");

        WebElement answer = page.lastBotMessage();
        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng ký khai sinh");
        assertThat(answer.findElement(By.cssSelector("p.summary")).getText()).isNotBlank();
        // Short first: the steps and documents wait behind their buttons.
        assertThat(answer.findElements(By.cssSelector("ol li, ul li"))).isEmpty();
        assertThat(answer.findElements(By.cssSelector(".parts button"))).extracting(WebElement::getText)
                .containsExactly("Các bước", "Giấy tờ", "Lệ phí", "Thời gian", "Nơi làm");
        assertThat(answer.getText()).contains("Làm trên mạng: làm ");

        WebElement link = answer.findElement(By.cssSelector("a.official"));
        assertThat(link.getText()).isEqualTo("Mở trang chính thức");
        assertThat(link.getAttribute("href")).startsWith("https://");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        assertThat(answer.findElements(By.cssSelector("button[data-rating]"))).hasSize(2);
    }

    @Test
    void vagueQuestionOffersChipsAndAChipAnswersThatTopic() {
        page.ask("cho hỏi thủ tục");

        // Not a guessed answer: either "which of these?" or "I don't know, people often ask...".
        assertThat(page.lastBotMessage().getAttribute("data-kind")).isIn("clarify", "fallback");
        List<WebElement> chips = browser.findElements(By.cssSelector("#chips button"));
        assertThat(chips).hasSizeGreaterThanOrEqualTo(2);

        WebElement chip = chips.get(1);
        String topicTitle = chip.getText();
        int before = page.botMessages().size();
        chip.click();
        WebElement answer = page.waitForBotMessages(before + 1).get(before);

        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo(topicTitle);
        List<WebElement> userMessages = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(userMessages.get(userMessages.size() - 1).getText()).isEqualTo(topicTitle);
    }

    @Test
    void markupInAQuestionIsShownAsTextAndNeverRuns() {
        String title = browser.getTitle();
        String question = "<script>alert(1)</script><img src=x onerror=\"document.title='hacked'\"> làm căn cước";
        page.ask(question);

        List<WebElement> userMessages = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(userMessages.get(userMessages.size() - 1).getText()).isEqualTo(question);
        assertThat(browser.findElements(By.cssSelector("#conversation script, #conversation img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getTitle()).isEqualTo(title);
    }

    @Test
    void fitsAPhoneScreenWithoutSideways() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        page.ask("dang ky khai sinh cho con");

        long viewport = (Long) page.js("return window.innerWidth;");
        long contentWidth = (Long) page.js("return document.documentElement.scrollWidth;");
        assertThat(viewport).isLessThanOrEqualTo(390);
        assertThat(contentWidth).isLessThanOrEqualTo(viewport);
        WebElement composer = browser.findElement(By.id("composer"));
        assertThat(composer.getRect().getX() + composer.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);

        Path screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of(System.getProperty("java.io.tmpdir"), "dvc-chat-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- Phone pages (a 390 x 844 phone, an elderly citizen writing without diacritics).

    @Test
    void consentComesFirstAboveTheFoldAndOpeningThePageSendsNothing() {
        page.onPhone();
        browser.navigate().refresh();
        page.waitForBotMessages(1);

        WebElement yes = browser.findElement(By.cssSelector(".welcome button[data-consent='yes']"));
        assertThat(isOnScreen(yes)).as("the consent button is visible without scrolling: " + page.js(
                "var r = arguments[0].getBoundingClientRect(); return JSON.stringify(r) + ' ' + window.innerHeight"
                        + " + ' ' + document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2).outerHTML.slice(0, 80);",
                yes)).isTrue();
        assertThat(browser.findElements(By.cssSelector(".msg.user"))).isEmpty();
        assertThat(storedExchanges()).isZero();

        yes.click();
        page.waitForBotMessages(2);
        assertThat(page.lastBotMessage().getText()).contains("Cảm ơn bạn đã đồng ý");
        assertThat(consentOfThisSession()).isEqualTo("given");
    }

    @Test
    void reloadKeepsTheConversationAndStartOverBeginsANewSession() {
        page.onPhone();
        page.ask("dang ky ket hon can giay to gi");
        String session = (String) page.js("return localStorage.getItem('dvc.sessionId');");
        int messages = browser.findElements(By.cssSelector("#conversation .msg")).size();
        browser.findElement(By.cssSelector(".welcome button[data-consent='no']")).click();
        page.waitForBotMessages(3);

        browser.navigate().refresh();
        page.waitForBotMessages(3);
        assertThat(browser.findElements(By.cssSelector("#conversation .msg"))).hasSize(messages + 1);
        assertThat(browser.findElements(By.cssSelector(".msg.user")).get(0).getText())
                .isEqualTo("dang ky ket hon can giay to gi");
        assertThat(page.lastBotMessage().getText()).contains("Tôi sẽ không lưu");
        assertThat(browser.findElements(By.cssSelector(".welcome button[data-consent]")))
                .allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
        assertThat(page.js("return localStorage.getItem('dvc.sessionId');")).isEqualTo(session);
        // The restored answer still works: its parts buttons ask about the same topic.
        page.botMessages().get(1).findElement(By.cssSelector(".parts button[data-part='fee']")).click();
        assertThat(page.waitForBotMessages(4).get(3).getText()).contains("Lệ phí");

        browser.findElement(By.id("start-over")).click();
        page.waitFor(d -> page.botMessages().size() == 1);
        assertThat(browser.findElements(By.cssSelector(".msg.user"))).isEmpty();
        assertThat(page.js("return localStorage.getItem('dvc.sessionId');")).isNotEqualTo(session);
        assertThat(browser.findElement(By.cssSelector(".welcome button[data-consent='yes']")).isEnabled()).isTrue();
    }

    @Test
    void aPartButtonShowsThatPartOnlyOnTheSameTopic() {
        page.onPhone();
        page.ask("lam the nao de dang ky khai sinh");
        int before = page.botMessages().size();
        page.lastBotMessage().findElement(By.cssSelector(".parts button[data-part='documents']")).click();

        WebElement part = page.waitForBotMessages(before + 1).get(before);
        assertThat(part.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng ký khai sinh");
        assertThat(part.findElement(By.cssSelector(".focus h3")).getText()).isEqualTo("Giấy tờ cần chuẩn bị");
        assertThat(part.findElements(By.cssSelector(".focus li"))).isNotEmpty();
        // Not the whole card again: no steps, no summary; the other parts stay one tap away.
        assertThat(part.findElements(By.cssSelector("ol, p.summary"))).isEmpty();
        assertThat(part.findElements(By.cssSelector(".parts button"))).extracting(WebElement::getText)
                .containsExactly("Các bước", "Lệ phí", "Thời gian", "Nơi làm");
        List<WebElement> userMessages = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(userMessages.get(userMessages.size() - 1).getText()).isEqualTo("Giấy tờ");

        part.findElement(By.cssSelector(".parts button[data-part='time']")).click();
        WebElement time = page.waitForBotMessages(before + 2).get(before + 1);
        assertThat(time.findElement(By.cssSelector(".focus")).getText()).startsWith("Thời gian giải quyết:");
    }

    @Test
    void anInformationTopicOffersNoFeeTimeOrPlaceButtons() {
        // No information entry in the content yet: the page is given one the way the server sends it.
        page.js("var realFetch = window.fetch; window.fetch = function (url, options) {"
                + " if (url !== '/api/v1/chat') { return realFetch(url, options); }"
                + " var reply = {messageId: '00000000-0000-0000-0000-000000000001', kind: 'answer', answer: 'x',"
                + " confidence: 0.9, sources: [{id: 'loi-ich', title: 'Lợi ích', url: 'https://dichvucong.gov.vn', field: 'dvc-chung'}],"
                + " suggestions: [], parts: {title: 'Lợi ích', kind: 'information', 'short': 'Đỡ đi lại.', summary: 'Đỡ đi lại nhiều.',"
                + " steps: ['Mở Cổng'], documents: [], fee: null, processingTime: null, authority: null, online: null,"
                + " officialUrl: 'https://dichvucong.gov.vn', focus: null}, askConsent: false};"
                + " return Promise.resolve(new Response(JSON.stringify(reply), {status: 200,"
                + " headers: {'Content-Type': 'application/json'}})); };");
        page.ask("loi ich");

        WebElement answer = page.lastBotMessage();
        assertThat(answer.findElement(By.cssSelector("p.summary")).getText()).isEqualTo("Đỡ đi lại.");
        assertThat(answer.findElements(By.cssSelector(".parts button"))).extracting(WebElement::getText)
                .containsExactly("Các bước");
        assertThat(answer.getText()).doesNotContain("Làm trên mạng");
    }

    @Test
    void hotlinesAreTappableAndCommentIsAButton() {
        page.onPhone();
        page.ask("cach nau pho bo ngon");
        WebElement tel = page.lastBotMessage().findElement(By.cssSelector("a[href='tel:18001096']"));
        assertThat(tel.getText()).isEqualTo("18001096");
        assertThat(tel.getRect().getHeight()).isGreaterThanOrEqualTo(44);

        int before = page.botMessages().size();
        browser.findElement(By.id("comment")).click();
        assertThat(page.waitForBotMessages(before + 1).get(before).getText()).contains("Mời bạn viết góp ý");
    }

    @Test
    void anUnansweredQuestionIsPassedOnToStaffWithAButton() {
        page.onPhone();
        page.ask("cach nau pho bo ngon");
        WebElement handoff = page.lastBotMessage().findElement(By.cssSelector("button.handoff"));
        assertThat(handoff.getText()).isEqualTo("Chuyển câu hỏi cho cán bộ");
        assertThat(handoff.getRect().getHeight()).isGreaterThanOrEqualTo(44);

        int before = page.botMessages().size();
        handoff.click();
        assertThat(page.waitForBotMessages(before + 1).get(before).getText()).contains("Tôi đã chuyển câu hỏi của bạn cho cán bộ");
        List<WebElement> said = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(said.get(said.size() - 1).getText()).isEqualTo("Chuyển câu hỏi cho cán bộ");
    }

    @Test
    void tapTargetsAreAtLeast44PixelsOnAPhone() {
        page.onPhone();
        page.ask("dang ky khai sinh cho con");
        List<WebElement> targets = browser.findElements(By.cssSelector(
                "button:not([hidden]), #chips button, .toolbar button, .parts button"));
        assertThat(targets).isNotEmpty();
        assertThat(targets).filteredOn(WebElement::isDisplayed)
                .allSatisfy(b -> assertThat(b.getRect().getHeight()).as(b.getText()).isGreaterThanOrEqualTo(44));
    }

    @Test
    void readAloudIsOfferedWhenTheBrowserHasAVietnameseVoiceAndSpeaksTheAnswer() {
        String stub = withVoices("[{lang: 'vi-VN', name: 'Tiếng Việt', voiceURI: 'vi', default: true, localService: true}]");
        try {
            browser.navigate().refresh();
            page.waitForBotMessages(1);
            page.ask("dang ky khai sinh cho con");
            WebElement button = page.lastBotMessage().findElement(By.cssSelector("button.read-aloud"));
            assertThat(button.isDisplayed()).isTrue();
            assertThat(button.getText()).isEqualTo("Đọc to");

            button.click();
            assertThat((String) page.js("return window.spoken.join(' ');"))
                    .startsWith("Đăng ký khai sinh")
                    .doesNotContain("Hữu ích").doesNotContain("Đọc to");
            assertThat(page.js("return window.spokenLang;")).isEqualTo("vi-VN");
        } finally {
            removeStub(stub);
        }
    }

    @Test
    void readAloudIsHiddenWhenTheBrowserHasNoVietnameseVoice() {
        String stub = withVoices("[{lang: 'en-US', name: 'English', voiceURI: 'en', default: true, localService: true}]");
        try {
            browser.navigate().refresh();
            page.waitForBotMessages(1);
            page.ask("dang ky khai sinh cho con");
            assertThat(page.lastBotMessage().findElements(By.cssSelector("button.read-aloud")))
                    .allSatisfy(b -> assertThat(b.isDisplayed()).isFalse());
        } finally {
            removeStub(stub);
        }
    }

    @Test
    void largerTextIsAToggleThatSurvivesAReload() {
        page.onPhone();
        WebElement toggle = browser.findElement(By.id("larger-text"));
        double normal = fontSize();
        toggle.click();
        assertThat(fontSize()).isGreaterThan(normal);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("true");

        browser.navigate().refresh();
        page.waitForBotMessages(1);
        assertThat(fontSize()).isGreaterThan(normal);
        assertThat(browser.findElement(By.id("larger-text")).getAttribute("aria-pressed")).isEqualTo("true");
        browser.findElement(By.id("larger-text")).click();
        assertThat(fontSize()).isEqualTo(normal);
    }

    @Test
    void aGuidesQrCodeAddressStartsTheConversationWithThatAnswer() {
        page.onPhone();
        browser.get(page.url("/?chu-de=dang-ky-ket-hon"));
        WebElement answer = page.waitForBotMessages(2).get(1);
        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng ký kết hôn");
        page.waitFor(d -> !d.getCurrentUrl().contains("chu-de"));

        browser.navigate().refresh();
        page.waitForBotMessages(2);
        assertThat(page.botMessages()).hasSize(2);
    }

    private double fontSize() {
        return Double.parseDouble(((String) page.js("return getComputedStyle(document.body).fontSize;"))
                .replace("px", ""));
    }

    private boolean isOnScreen(WebElement element) {
        return (Boolean) page.js("var r = arguments[0].getBoundingClientRect();"
                + " var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + " return r.bottom <= window.innerHeight && r.top >= 0 && (hit === arguments[0] || arguments[0].contains(hit));",
                element);
    }

    /** Replaces the browser's voices before the page's script runs, and records what would be spoken. */
    private String withVoices(String voices) {
        Map<String, Object> result = ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "window.spoken = [];"
                        + " if (window.speechSynthesis) {"
                        + " window.speechSynthesis.getVoices = function () { return " + voices + "; };"
                        + " window.speechSynthesis.cancel = function () {};"
                        + " window.speechSynthesis.speak = function (u) { window.spoken.push(u.text); window.spokenLang = u.lang; }; }"));
        return (String) result.get("identifier");
    }

    private void removeStub(String identifier) {
        ((ChromeDriver) browser).executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                Map.of("identifier", identifier));
    }

    private long storedExchanges() {
        String session = (String) page.js("return localStorage.getItem('dvc.sessionId');");
        return session == null ? 0 : new RawSql(dataSource).count(
                "SELECT count(*) FROM exchange WHERE session_id = " + SESSION_KEY, "web:" + session);
    }

    private String consentOfThisSession() {
        String session = (String) page.js("return localStorage.getItem('dvc.sessionId');");
        return (String) new RawSql(dataSource).column(
                "SELECT consent FROM conversation_session WHERE id = " + SESSION_KEY, "web:" + session).get(0);
    }
}
