package vn.dvcassistant.app.admin;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;
import vn.dvcassistant.app.database.OwnEmbeddedDatabase;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the loop in a real headless Chromium: a citizen's question the assistant cannot answer shows on the
 * content page; an editor starts a new topic from it, meets the loader's rules as Vietnamese messages next to
 * the field, saves a draft, sees the answer previewed for the web, Telegram and Zalo and that the draft would
 * answer the question; a second editor approves it; the citizen asking again in the chat gets the answer.
 * The citizen rates the answer "Chưa hữu ích" and the content page lists it; the catalogue is uploaded from the
 * same page. Then another unanswered question is added as a way of asking the new topic, into its draft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicEditorBrowserTest {

    private static final String ID = "dang-ky-nuoi-chim-yen";
    private static final String TITLE = "Đăng ký nhà nuôi chim yến";
    private static final String QUESTION = "chim yến làm tổ trong nhà có phải khai báo không";
    private static final String SHORT = "Nuôi chim yến trong khu dân cư thì đăng ký với xã trước khi xây nhà yến.";

    private Path dir;
    private HeadlessChromium chromium;
    private EmbeddedServer server;
    private HttpClient http;
    private StaffAccounts accounts;
    private WebDriver browser;
    private BrowserPage page;

    @BeforeAll
    void start() throws IOException {
        // A database of its own: the topic published here must not change other tests' answers.
        dir = Files.createTempDirectory("dvc-editor-db-");
        Map<String, Object> properties = new HashMap<>(OwnEmbeddedDatabase.properties(dir));
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.connection-timeout", 5000);
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        http = StaffSession.client(server);
        accounts = server.getApplicationContext().getBean(StaffAccounts.class);
        chromium = HeadlessChromium.start("--window-size=1280,900");
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        page = new BrowserPage(chromium, server, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        http.close();
        server.close();
        OwnEmbeddedDatabase.stop(dir);
    }

    @Test
    void anEditorTurnsAnUnansweredQuestionIntoATopicASecondApprovesItAndTheChatAnswersIt() {
        WebElement unanswered = citizenAsks(QUESTION);
        assertThat(unanswered.getAttribute("data-kind")).as("not answerable before").isEqualTo("fallback");

        String author = StaffSession.newUser(accounts, Roles.EDITOR, null);
        String reviewer = StaffSession.newUser(accounts, Roles.EDITOR, null);
        page.logIn(author);
        browser.get(page.url("/quan-tri/noi-dung"));
        WebElement row = browser.findElements(By.cssSelector("#unanswered tr.unanswered-row")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.question")).getText().equals(QUESTION)).findFirst()
                .orElseThrow();
        row.findElement(By.cssSelector("a.start-topic")).click();
        page.waitFor(ExpectedConditions.urlContains("/quan-tri/noi-dung/chu-de-moi"));
        assertThat(field("questions").getAttribute("value")).isEqualTo(QUESTION);

        type("id", ID);
        type("title", TITLE);
        new Select(field("field")).selectByValue("kinh-doanh");
        type("short", SHORT);
        type("summary", "Hộ nuôi chim yến trong nhà ở khu dân cư đăng ký với Ủy ban nhân dân cấp xã trước khi xây nhà yến.");
        type("steps", "Chuẩn bị tờ khai đăng ký nhà yến.\nNộp hồ sơ tại bộ phận một cửa cấp xã.");
        type("documents", "Tờ khai đăng ký nhà yến");
        type("authority", "Ủy ban nhân dân cấp xã");
        new Select(field("online")).selectByValue("một phần");
        type("fee", "Xem trang thủ tục trên Cổng Dịch vụ công quốc gia.");
        type("processing_time", "Xem trang thủ tục trên Cổng Dịch vụ công quốc gia.");
        type("official_url", "dichvucong.gov.vn");
        field("questions").sendKeys("\nđăng ký nuôi chim yến\nthủ tục làm nhà yến\nnuôi yến trong khu dân cư có được không");
        type("keywords", "nhà yến\nchim yến");
        type("sources", "Quy định của Ủy ban nhân dân tỉnh về nuôi chim yến");
        browser.findElement(By.id("save-draft")).click();

        // The loader's rule, in Vietnamese, next to the field; what was typed is kept.
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("e-official_url")));
        assertThat(browser.findElement(By.id("e-official_url")).getText()).contains("bắt đầu bằng https://");
        assertThat(browser.findElement(By.id("topic-error")).getText()).isEqualTo("Nội dung chưa hợp lệ. Xem lỗi ở từng trường.");
        assertThat(field("title").getAttribute("value")).isEqualTo(TITLE);
        type("official_url", "https://dichvucong.gov.vn/");
        browser.findElement(By.id("save-draft")).click();

        page.waitFor(ExpectedConditions.urlContains("/quan-tri/noi-dung/chu-de/" + ID));
        assertThat(browser.findElement(By.id("topic-notice")).getText()).startsWith("Đã lưu bản nháp");
        assertThat(browser.findElement(By.id("preview-short")).getText()).isEqualTo(SHORT);
        assertThat(browser.findElement(By.id("preview-web")).getText()).contains(TITLE, "Cập nhật: ");
        assertThat(browser.findElement(By.id("preview-telegram")).getText()).contains(TITLE, SHORT, "[Hữu ích]");
        assertThat(browser.findElement(By.id("preview-zalo")).getText()).contains(TITLE, SHORT);
        assertThat(browser.findElement(By.id("would-answer")).getText()).contains(QUESTION);
        assertThat(browser.findElements(By.id("approve"))).as("the author cannot approve").isEmpty();
        assertThat(browser.findElement(By.id("needs-reviewer")).getText()).contains("cán bộ khác");

        browser.manage().deleteAllCookies();
        page.logIn(reviewer);
        browser.get(page.url("/quan-tri/noi-dung"));
        browser.findElement(By.cssSelector("#drafts a[href='/quan-tri/noi-dung/chu-de/" + ID + "']")).click();
        browser.findElement(By.id("approve")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("topic-notice"), "Đã xuất bản"));
        assertThat(browser.findElement(By.id("version-1")).getText()).contains("đang dùng", author, reviewer,
                "+ title: " + TITLE);

        awaitServed();
        WebElement answer = citizenAsks(QUESTION);
        assertThat(answer.getAttribute("data-kind")).isEqualTo("answer");
        assertThat(answer.findElement(By.tagName("h2")).getText()).isEqualTo(TITLE);

        // The citizen finds it not helpful: the content page lists the rating with its question and topic.
        answer.findElement(By.cssSelector("button[data-rating='not-helpful']")).click();
        page.waitFor(d -> !answer.findElements(By.cssSelector(".thanks")).isEmpty());
        browser.get(page.url("/quan-tri/noi-dung"));
        assertThat(browser.findElement(By.id("unhelpful")).getText()).contains(QUESTION, TITLE, "Tạo chủ đề mới từ câu này");

        // The province's catalogue from the same page: the report in place.
        browser.findElement(By.id("catalogue-file")).sendKeys(
                Path.of("../knowledge-base/catalogue/sample.csv").toAbsolutePath().normalize().toString());
        browser.findElement(By.id("catalogue-upload")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("catalogue-report")));
        assertThat(browser.findElement(By.id("catalogue-report")).getText()).contains("Thêm mới: 41.", "Điện");

        // Another question becomes a way of asking the new topic, in a draft of it.
        String other = "mua bán tổ yến cần giấy phép gì";
        citizenAsks(other);
        browser.get(page.url("/quan-tri/noi-dung"));
        WebElement otherRow = browser.findElements(By.cssSelector("#unanswered tr.unanswered-row")).stream()
                .filter(r -> r.findElement(By.cssSelector("td.question")).getText().equals(other)).findFirst()
                .orElseThrow();
        otherRow.findElement(By.cssSelector("input[name='topicId']")).sendKeys(ID);
        otherRow.findElement(By.cssSelector("button.add-question")).click();
        page.waitFor(ExpectedConditions.urlContains("xong=question"));
        assertThat(field("questions").getAttribute("value")).endsWith(other);
        assertThat(browser.findElement(By.id("draft-state")).getText()).contains(reviewer);
    }

    /** A citizen asks on the chat page (a fresh conversation) and the reply is returned. */
    private WebElement citizenAsks(String question) {
        page.freshChat();
        page.ask(question);
        return page.lastBotMessage();
    }

    /** The approval reloads in the background; on a loaded machine the index build may take a while. */
    private void awaitServed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (StaffSession.send(http, HttpRequest.GET("/api/v1/topics/" + ID)).getStatus().getCode() != 200) {
            assertThat(System.nanoTime()).as("the published topic is served").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private WebElement field(String name) {
        return browser.findElement(By.id("f-" + name));
    }

    private void type(String name, String text) {
        WebElement input = field(name);
        input.clear();
        input.sendKeys(text);
    }
}
