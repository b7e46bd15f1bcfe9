package vn.dvcassistant.app.admin;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.AgencyTestData;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.Field;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency directory's page on a 390 px phone in headless Chromium, axe-core clean: an admin uploads a file (a
 * wrong one first, shown row by row), searches the list, adds an agency, edits it and deactivates it.
 */
@MicronautTest(transactional = false)
class AgencyPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    AgencyDirectory directory;
    @Inject
    TransactionOperations<Connection> transactions;

    String p;
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
    void phone() {
        p = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        page = new BrowserPage(chromium, server, WAIT);
        page.onPhone();
        browser.get(page.url("/dang-nhap"));
        browser.manage().deleteAllCookies();
    }

    @AfterEach
    void retire() {
        AgencyTestData.retire(transactions, directory, p);
    }

    @Test
    void anAdminLoadsSearchesAddsEditsAndDeactivatesAgenciesOnAPhone() throws IOException {
        page.logIn(StaffSession.newUser(accounts, Roles.ADMIN, null));
        browser.get(page.url("/quan-tri/co-quan"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Cơ quan");
        assertThat(browser.findElements(By.cssSelector("#agencies li"))).hasSizeGreaterThanOrEqualTo(10);
        assertThat(page.widthFits()).isTrue();
        assertThat(chromium.seriousAxeViolations()).isEmpty();

        Path wrong = Files.createTempFile("danh-ba", ".csv");
        Files.writeString(wrong, "Mã,Tên,Cấp trên,Loại\n" + p + "UB,UBND xã Bình Lục,,ubnd-xa\n"
                + p + "CA,Công an xã Bình Lục," + p + "KHONG,cong-an-xa\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("agency-file")).sendKeys(wrong.toString());
        browser.findElement(By.cssSelector("form[action='/quan-tri/co-quan/tai-len'] button")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("agency-problems")));
        assertThat(browser.findElement(By.id("agencies-error")).getText()).contains("chưa được lưu");
        assertThat(browser.findElement(By.id("agency-problems")).getText())
                .isEqualTo("Dòng 3: Không có cơ quan cấp trên mã \"" + p + "KHONG\" trong danh bạ hay trong tệp.");
        assertThat(directory.find(p + "UB")).isEmpty();
        assertThat(chromium.seriousAxeViolations()).isEmpty();

        Path right = Files.createTempFile("danh-ba", ".csv");
        Files.writeString(right, "Mã,Tên,Cấp trên,Loại\n" + p + "UB,UBND xã Bình Lục,,ubnd-xa\n"
                + p + "CA,Công an xã Bình Lục,CONG-AN,cong-an-xa\n", StandardCharsets.UTF_8);
        browser.findElement(By.id("agency-file")).sendKeys(right.toString());
        browser.findElement(By.cssSelector("form[action='/quan-tri/co-quan/tai-len'] button")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("agencies-notice"),
                "Đã lưu danh bạ: thêm 2 cơ quan, cập nhật 0 cơ quan."));
        Files.delete(wrong);
        Files.delete(right);

        // Searching without diacritics finds the commune among the rest.
        browser.findElement(By.id("q")).sendKeys("binh luc");
        browser.findElement(By.cssSelector("form[role='search'] button")).click();
        page.waitFor(ExpectedConditions.urlContains("q=binh"));
        // Other tests' (deactivated) agencies of the same name may be listed too, marked as such.
        assertThat(browser.findElements(By.cssSelector("#agencies li")).stream().map(e -> e.getAttribute("id"))
                .filter(id -> id.startsWith("agency-" + p)).toList())
                .containsExactly("agency-" + p + "UB", "agency-" + p + "CA");
        assertThat(browser.findElements(By.cssSelector("#agencies li .name"))).extracting(WebElement::getText)
                .allSatisfy(name -> assertThat(name).contains("Bình Lục"));

        // Add one by the form.
        browser.get(page.url("/quan-tri/co-quan"));
        browser.findElement(By.id("code")).sendKeys(p + "TT");
        browser.findElement(By.id("name")).sendKeys("Trung tâm phục vụ hành chính công thử");
        new Select(browser.findElement(By.id("kind"))).selectByValue("trung-tam");
        browser.findElement(By.cssSelector("#add-agency button[type='submit']")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("agencies-notice"), "Đã thêm cơ quan."));
        assertThat(directory.find(p + "TT")).get().extracting(Agency::kind).isEqualTo(AgencyKind.SERVICE_CENTRE);

        // Edit: name, parent and fields.
        browser.findElement(By.cssSelector("#agency-" + p + "TT a.edit")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("edit-agency")));
        assertThat(chromium.seriousAxeViolations()).isEmpty();
        assertThat(page.widthFits()).isTrue();
        WebElement name = browser.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Trung tâm thử đã đổi tên");
        new Select(browser.findElement(By.id("parent"))).selectByValue("VP-UBND");
        browser.findElement(By.cssSelector("input[name='fields'][value='ho-tich']")).click();
        browser.findElement(By.cssSelector("#edit-agency button[type='submit']")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("agencies-notice"), "Đã lưu."));
        Agency edited = directory.find(p + "TT").orElseThrow();
        assertThat(edited.name()).isEqualTo("Trung tâm thử đã đổi tên");
        assertThat(edited.parent()).isEqualTo("VP-UBND");
        assertThat(edited.fields()).containsExactly(Field.HO_TICH);

        // Deactivate: still listed, marked, and no longer offered for new staff accounts.
        browser.findElement(By.cssSelector("#agency-" + p + "TT button.deactivate")).click();
        page.waitFor(ExpectedConditions.textToBe(By.id("agencies-notice"), "Đã ngừng dùng cơ quan."));
        assertThat(browser.findElement(By.cssSelector("#agency-" + p + "TT .status")).getText()).isEqualTo("Đã ngừng");
        browser.get(page.url("/quan-tri/nguoi-dung"));
        List<String> offered = new Select(browser.findElement(By.id("agencyCode"))).getOptions().stream()
                .map(o -> o.getAttribute("value")).toList();
        assertThat(offered).contains(p + "UB", p + "CA").doesNotContain(p + "TT");
    }
}
