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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    private static WebDriver browser;
    private static Path profileDir;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startBrowser() throws IOException {
        // Fails rather than skips: a skipped browser test would let a broken page through unseen.
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium is installed at " + CHROMIUM
                + " (apt-get install chromium chromium-driver)").isTrue();
        profileDir = Files.createTempDirectory("dvc-chromium-profile");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profileDir, "--window-size=1280,900", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Every test is a new citizen: a new session id, a fresh page, a desktop-sized window. */
    @BeforeEach
    void openFreshPage() {
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/chat.css"));
        js("window.localStorage.clear();");
        browser.get(url("/"));
        waitForBotMessages(1);
    }

    @Test
    void greetsWithTheAssistantNoticeAndAsksForConsent() {
        WebElement greeting = botMessages().get(0);
        assertThat(greeting.getText())
                .contains("Tôi là trợ lý tự động")
                .contains("Bạn có đồng ý cho lưu thông tin cá nhân");

        List<WebElement> consentButtons = greeting.findElements(By.cssSelector(".actions button"));
        assertThat(consentButtons).extracting(WebElement::getText).containsExactly("Đồng ý", "Không đồng ý");

        consentButtons.get(0).click();
        WebElement reply = waitForBotMessages(2).get(1);
        assertThat(reply.getText()).contains("Cảm ơn bạn đã đồng ý");
        assertThat(consentButtons).allMatch(button -> !button.isEnabled());
    }

    @Test
    void answersBirthRegistrationWithNumberedStepsAndAnOfficialLinkInANewTab() {
        ask("dang ky khai sinh cho con");

        WebElement answer = lastBotMessage();
        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo("Đăng ký khai sinh");
        assertThat(answer.findElement(By.cssSelector("h3")).getText()).isEqualTo("Các bước");
        assertThat(answer.findElements(By.cssSelector("ol li"))).hasSizeGreaterThanOrEqualTo(2);

        WebElement link = answer.findElement(By.cssSelector("a.official"));
        assertThat(link.getText()).isEqualTo("Mở trang chính thức");
        assertThat(link.getAttribute("href")).startsWith("https://");
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        assertThat(link.getAttribute("rel")).contains("noopener");
        assertThat(answer.findElements(By.cssSelector("button[data-rating]"))).hasSize(2);
    }

    @Test
    void vagueQuestionOffersChipsAndAChipAnswersThatTopic() {
        ask("cho hỏi thủ tục");

        // Not a guessed answer: either "which of these?" or "I don't know, people often ask...".
        assertThat(lastBotMessage().getAttribute("data-kind")).isIn("clarify", "fallback");
        List<WebElement> chips = browser.findElements(By.cssSelector("#chips button"));
        assertThat(chips).hasSizeGreaterThanOrEqualTo(2);

        WebElement chip = chips.get(1);
        String topicTitle = chip.getText();
        int before = botMessages().size();
        chip.click();
        WebElement answer = waitForBotMessages(before + 1).get(before);

        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo(topicTitle);
        List<WebElement> userMessages = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(userMessages.get(userMessages.size() - 1).getText()).isEqualTo(topicTitle);
    }

    @Test
    void markupInAQuestionIsShownAsTextAndNeverRuns() {
        String title = browser.getTitle();
        String question = "<script>alert(1)</script><img src=x onerror=\"document.title='hacked'\"> làm căn cước";
        ask(question);

        List<WebElement> userMessages = browser.findElements(By.cssSelector(".msg.user"));
        assertThat(userMessages.get(userMessages.size() - 1).getText()).isEqualTo(question);
        assertThat(browser.findElements(By.cssSelector("#conversation script, #conversation img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getTitle()).isEqualTo(title);
    }

    @Test
    void fitsAPhoneScreenWithoutSideways() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        ask("dang ky khai sinh cho con");

        long viewport = (Long) js("return window.innerWidth;");
        long contentWidth = (Long) js("return document.documentElement.scrollWidth;");
        assertThat(viewport).isLessThanOrEqualTo(390);
        assertThat(contentWidth).isLessThanOrEqualTo(viewport);
        WebElement composer = browser.findElement(By.id("composer"));
        assertThat(composer.getRect().getX() + composer.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);

        Path screenshot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of(System.getProperty("java.io.tmpdir"), "dvc-chat-phone.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void ask(String question) {
        int before = botMessages().size();
        WebElement input = browser.findElement(By.id("question"));
        input.sendKeys(question);
        input.sendKeys(Keys.ENTER);
        waitForBotMessages(before + 1);
    }

    private List<WebElement> waitForBotMessages(int count) {
        WebDriverWait wait = new WebDriverWait(browser, REPLY_TIMEOUT);
        wait.until(d -> botMessages().size() >= count
                && browser.findElement(By.id("send")).isEnabled());
        return botMessages();
    }

    private List<WebElement> botMessages() {
        return browser.findElements(By.cssSelector("#conversation .msg.bot"));
    }

    private WebElement lastBotMessage() {
        List<WebElement> messages = botMessages();
        return messages.get(messages.size() - 1);
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }
}
