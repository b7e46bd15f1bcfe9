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
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, point 8, from the staff page on a 390 px phone in headless Chromium: download the template, upload a
 * survey file, see how many ratings were imported and each refused row by its number in Vietnamese, see the batch
 * with who imported it and when, and remove it as a whole with "Xóa đợt". axe-core on the page and its result.
 */
@MicronautTest(transactional = false)
class SurveyImportBrowserTest {

    private static final String PAGE = "/quan-tri/khao-sat-dinh-ky";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    DataSource dataSource;

    HeadlessChromium chromium;
    ChromeDriver browser;
    BrowserPage page;
    Path upload;

    @BeforeEach
    void start() throws IOException {
        upload = Files.createTempDirectory("dvc-survey-");
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
        if (upload != null) {
            try (Stream<Path> paths = Files.walk(upload)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void staffImportASurveyFileSeeTheResultAndTheBatchAndRemoveItWhole() throws IOException, InterruptedException {
        String username = StaffSession.newUser(accounts, Roles.ADMIN, null);
        page.logIn(username);
        browser.get(page.url("/quan-tri/tong-quan"));
        browser.findElement(By.cssSelector("header a[href='" + PAGE + "']")).click();
        page.waitFor(ExpectedConditions.urlToBe(page.url(PAGE)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhập kết quả khảo sát định kỳ");
        assertThat(chromium.seriousAxeViolations()).isEmpty();
        assertThat(page.widthFits()).isTrue();

        // The link, fetched with the browser's own session (the page's policy lets no script fetch it).
        String href = browser.findElement(By.id("template")).getAttribute("href");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        HttpResponse<String> template = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(href)).header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).as("the template downloads with its columns")
                .contains("Ngày,Chủ đề,Lĩnh vực,Cơ quan,Mức độ,Hình thức");

        Path file = upload.resolve("khao-sat-quy-1.csv");
        Files.writeString(file, "\uFEFFNgày,Chủ đề,Lĩnh vực,Cơ quan,Mức độ,Hình thức\r\n"
                + "15/01/2026,dang-ky-khai-sinh,,,Hài lòng,giấy\r\n"
                + "16/01/2026,,ho-tich,,Rất hài lòng,điện thoại\r\n"
                + "17/01/2026,dang-ky-khai-sinh,,,Tạm được,giấy\r\n"
                + "32/01/2026,dang-ky-khai-sinh,,,Hài lòng,trực tiếp\r\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("survey-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("survey-upload")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
        assertThat(browser.findElement(By.id("imported-count")).getText()).isEqualTo("Đã nhập 2 phiếu.");
        assertThat(browser.findElements(By.cssSelector("#rejected-rows li"))).extracting(WebElement::getText)
                .containsExactly("Dòng 4: Mức độ phải là Rất hài lòng, Hài lòng hoặc Không hài lòng.",
                        "Dòng 5: Ngày không hợp lệ. Viết dạng ngày/tháng/năm, ví dụ 15/01/2026.");
        assertThat(chromium.seriousAxeViolations()).isEmpty();
        assertThat(page.widthFits()).isTrue();

        WebElement batch = browser.findElement(By.cssSelector("#batches li.batch"));
        String batchId = batch.getAttribute("id").substring("batch-".length());
        assertThat(batch.getText()).contains("khao-sat-quy-1.csv", "Người nhập: " + username)
                .containsPattern("Lúc: \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\.").contains("Đã nhập 2 phiếu, bỏ qua 2 dòng.");
        RawSql sql = new RawSql(dataSource);
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating WHERE batch_id = ? AND channel = 'periodic'",
                batchId)).isEqualTo(2);

        batch.findElement(By.cssSelector("button.remove-batch")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("import-notice")));
        assertThat(browser.findElement(By.id("import-notice")).getText())
                .isEqualTo("Đã xóa đợt nhập và toàn bộ phiếu của đợt đó.");
        assertThat(browser.findElements(By.id("batch-" + batchId))).isEmpty();
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating WHERE batch_id = ?", batchId)).isZero();
        assertThat(sql.count("SELECT count(*) FROM satisfaction_import_batch WHERE id = ?", batchId)).isZero();
    }

    @Test
    void aFileThatCannotBeReadIsRefusedOnThePageInVietnamese() throws IOException {
        page.logIn(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP"));
        browser.get(page.url(PAGE));
        Path file = upload.resolve("ghi-chu.csv");
        Files.writeString(file, "Tên,Tuổi\r\nAn,30\r\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("survey-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("survey-upload")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("import-error")));
        assertThat(browser.findElement(By.id("import-error")).getText()).startsWith("Tệp thiếu cột.");
        assertThat(browser.findElements(By.id("import-result"))).isEmpty();
    }
}
