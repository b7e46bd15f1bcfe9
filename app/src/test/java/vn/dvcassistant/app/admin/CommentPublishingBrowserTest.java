package vn.dvcassistant.app.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 6, walked in headless Chromium on a 390 px phone: staff answer, the page shows the masker's
 * suggestions highlighted and a preview of the public page, staff edit the public text, preview it, publish, and
 * the transparency page shows the edited text, never the original. axe-core on the page before publishing.
 */
@MicronautTest(transactional = false)
class CommentPublishingBrowserTest {

    private static final String ORIGINAL = "Tôi là Lê Thị Hoa, ở số nhà 8 ngõ 15 phố Trần Phú, điện thoại 0912 345 678. "
            + "Cán bộ một cửa hẹn trả kết quả trích lục ba lần vẫn chưa có.";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;

    HeadlessChromium chromium;
    ChromeDriver browser;
    BrowserPage page;

    @BeforeEach
    void start() throws IOException {
        chromium = HeadlessChromium.start("--lang=vi");
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        page = new BrowserPage(chromium, server, Duration.ofSeconds(15));
        page.onPhone();
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void answerThenPreviewTheMaskedTextHighlightedEditItPublishAndThePublicPageShowsOnlyTheEditedText()
            throws IOException {
        String code = comments.submit(new CommentSubmission(ORIGINAL, null, "ho-tich", "web", false, null, null, null,
                null)).code();
        page.logIn(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP"));

        browser.get(page.url("/quan-tri/gop-y/" + code));
        assertThat(browser.findElement(By.id("comment-text")).getText()).as("staff see the original")
                .contains("Lê Thị Hoa", "ngõ 15");
        browser.findElement(By.id("answer")).sendKeys("Sở Tư pháp đã trả trích lục và xin lỗi vì trễ hẹn.");
        browser.findElement(By.id("send-answer")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("public-preview")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Đã trả lời, chờ công khai");

        // The masker's suggestions, highlighted: what it removes (the name, the address) and what it masked on receipt.
        List<WebElement> marks = browser.findElements(By.cssSelector("#suggestion mark.pii"));
        assertThat(marks).extracting(WebElement::getText).containsExactly("Lê Thị Hoa[họ tên]",
                "số nhà 8 ngõ 15 phố Trần Phú[địa chỉ]", "[số điện thoại]");
        assertThat(marks.get(0).getCssValue("background-color")).as("highlighted").isNotEqualTo("rgba(0, 0, 0, 0)");
        WebElement preview = browser.findElement(By.cssSelector("#public-preview article.public-item .text"));
        assertThat(preview.getText()).isEqualTo("Tôi là [họ tên], ở [địa chỉ], điện thoại [số điện thoại]. "
                + "Cán bộ một cửa hẹn trả kết quả trích lục ba lần vẫn chưa có.");
        assertThat(browser.findElement(By.cssSelector("#public-preview .answer")).getText())
                .isEqualTo("Sở Tư pháp đã trả trích lục và xin lỗi vì trễ hẹn.");
        assertThat(chromium.seriousAxeViolations()).as("axe-core on the page before publishing").isEmpty();
        assertThat(page.widthFits()).as("fits a 390 px phone").isTrue();

        String edited = "Người dân phản ánh: cán bộ một cửa hẹn trả kết quả trích lục ba lần vẫn chưa có.";
        WebElement box = browser.findElement(By.id("public-text"));
        box.clear();
        box.sendKeys(edited);
        browser.findElement(By.id("preview-public")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#public-preview article.public-item .text"), "Người dân phản ánh"));
        assertThat(browser.findElement(By.id("public-text")).getAttribute("value")).isEqualTo(edited);

        browser.findElement(By.id("publish")).click();
        page.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("status"),
                "Đã công khai trả lời"));
        assertThat(browser.findElement(By.id("public-text-shown")).getText()).isEqualTo(edited);

        browser.get(page.url("/minh-bach"));
        WebElement item = browser.findElement(By.cssSelector("article[id='" + code + "']"));
        assertThat(item.findElement(By.cssSelector(".text")).getText()).isEqualTo(edited);
        assertThat(browser.getPageSource()).doesNotContain("Lê Thị Hoa", "Trần Phú", "[họ tên]");
    }
}
