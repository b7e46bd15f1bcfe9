package vn.dvcassistant.app.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micronaut.transaction.TransactionOperations;
import org.openqa.selenium.By;
import vn.dvcassistant.app.agencies.AgencyChanges;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.AgencyTestData;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rating a procedure on the chat page as a citizen does, in headless Chromium against the real service:
 * ask → answer → "Tôi đã làm thủ tục này" → level → agency → the rating is in that agency's figures.
 */
@MicronautTest(transactional = false)
class SatisfactionWalkBrowserTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @Inject
    EmbeddedServer server;

    @Inject
    DataSource dataSource;

    @Inject
    AgencyChanges agencyChanges;

    @Inject
    AgencyDirectory directory;

    @Inject
    TransactionOperations<java.sql.Connection> transactions;

    BrowserPage page;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start("--window-size=390,844", "--lang=vi");
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A new citizen on a phone-sized window. */
    @BeforeEach
    void openFreshPage() {
        browser.manage().window().setSize(new Dimension(390, 844));
        page = new BrowserPage(chromium, server, REPLY_TIMEOUT);
        page.freshChat();
    }

    @Test
    void askAnswerDidItLevelAgencyAndTheRatingIsInTheAgencysFigures() {
        long before = agencyTotal("UBND-XA");
        page.ask("đăng ký kết hôn cần giấy tờ gì");
        WebElement answer = page.lastBotMessage();
        WebElement box = answer.findElement(By.cssSelector(".satisfaction"));
        assertThat(box.getText()).contains("Bạn đã làm thủ tục này chưa?");
        assertThat(box.findElements(By.cssSelector("button[data-level]"))).as("no level before 'did you do it'").isEmpty();

        box.findElement(By.cssSelector("button[data-done='yes']")).click();
        assertThat(box.findElement(By.cssSelector("button[data-done='yes']")).getText()).isEqualTo("Tôi đã làm thủ tục này");
        box.findElement(By.cssSelector("button[data-level='hai_long']")).click();
        List<WebElement> agencies = box.findElements(By.cssSelector("button[data-agency]"));
        assertThat(agencies).extracting(WebElement::getText).startsWith("Ủy ban nhân dân cấp xã").endsWith("Không nhớ");
        assertThat(agencyTotal("UBND-XA")).as("nothing sent before the agency step").isEqualTo(before);

        box.findElement(By.cssSelector("button[data-agency='UBND-XA']")).click();
        page.waitFor(d -> !box.findElements(By.cssSelector(".thanks")).isEmpty());
        assertThat(box.findElement(By.cssSelector(".thanks")).getText()).isEqualTo("Cảm ơn bạn đã đánh giá.");
        assertThat(box.findElements(By.cssSelector("button"))).allSatisfy(b -> assertThat(b.isEnabled()).isFalse());

        // The agency's figures (what the dashboard and the province's report read) count it.
        assertThat(agencyTotal("UBND-XA")).isEqualTo(before + 1);

        // Sent with the chat's session: the server holds it to one rating for this procedure.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0];"
                        + "fetch('/api/v1/satisfaction', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({topicId: 'dang-ky-ket-hon', level: 'rat_hai_long', channel: 'web',"
                        + " sessionId: localStorage.getItem('dvc.sessionId')})})"
                        + ".then(function (r) { done(r.status); });");
        assertThat(status).isEqualTo(409L);
        assertThat(agencyTotal("UBND-XA")).isEqualTo(before + 1);
    }

    @Test
    void withTheCommunesLoadedTheCitizenNamesTheirCommuneAndItsFiguresCountTheRating() throws IOException {
        String p = "WB" + java.util.UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
        agencyChanges.apply(List.of(
                new AgencyChanges.Row(2, new AgencyDraft(p + "TL", "UBND xã Thanh Liêm", null, AgencyKind.COMMUNE_COMMITTEE, java.util.Set.of())),
                new AgencyChanges.Row(3, new AgencyDraft(p + "TH", "UBND xã Thanh Hà", null, AgencyKind.COMMUNE_COMMITTEE, java.util.Set.of()))),
                List.of(), "test");
        try {
            page.ask("đăng ký kết hôn cần giấy tờ gì");
            WebElement box = page.lastBotMessage().findElement(By.cssSelector(".satisfaction"));
            box.findElement(By.cssSelector("button[data-done='yes']")).click();
            box.findElement(By.cssSelector("button[data-level='rat_hai_long']")).click();
            WebElement kind = box.findElement(By.cssSelector("button[data-commune-kind='ubnd-xa']"));
            assertThat(kind.getText()).isEqualTo("UBND xã/phường");
            kind.click();

            WebElement input = box.findElement(By.cssSelector("form.commune input"));
            assertThat(box.findElement(By.cssSelector("form.commune label")).getText())
                    .isEqualTo("Bạn làm thủ tục ở xã, phường nào? Hãy gõ tên xã, phường.");
            input.sendKeys("thanh liem");
            box.findElement(By.cssSelector("form.commune button[type='submit']")).click();
            page.waitFor(d -> !box.findElements(By.cssSelector(".commune-results button")).isEmpty());
            List<WebElement> matches = box.findElements(By.cssSelector(".commune-results button[data-agency]"));
            assertThat(matches).extracting(WebElement::getText).startsWith("UBND xã Thanh Liêm").endsWith("Không nhớ");
            assertThat(page.widthFits()).as("fits 390 px").isTrue();
            long before = agencyTotal(p + "TL");
            matches.get(0).click();
            page.waitFor(d -> !box.findElements(By.cssSelector(".thanks")).isEmpty());
            assertThat(agencyTotal(p + "TL")).as("the commune's figures count it").isEqualTo(before + 1);
        } finally {
            AgencyTestData.retire(transactions, directory, p);
        }
    }

    @Test
    void notYetSendsNothing() {
        long before = ratings("dang-ky-khai-sinh");
        page.ask("đăng ký khai sinh");
        WebElement box = page.lastBotMessage().findElement(By.cssSelector(".satisfaction"));
        box.findElement(By.cssSelector("button[data-done='no']")).click();
        assertThat(box.findElement(By.cssSelector(".thanks")).getText()).startsWith("Cảm ơn bạn. Khi đã làm xong thủ tục");
        assertThat(box.findElements(By.cssSelector("button[data-level]"))).isEmpty();
        assertThat(ratings("dang-ky-khai-sinh")).isEqualTo(before);
    }

    private long agencyTotal(String agency) {
        try (HttpClient client = HttpClient.create(server.getURL())) {
            Map<?, ?> report = client.toBlocking().retrieve(
                    HttpRequest.GET("/api/v1/stats/satisfaction?agency=" + agency), Map.class);
            return ((Number) report.get("total")).longValue();
        }
    }

    private long ratings(String topicId) {
        return new RawSql(dataSource).count("SELECT count(*) FROM satisfaction_rating WHERE topic_id = ?", topicId);
    }
}
