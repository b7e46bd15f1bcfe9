package vn.dvcassistant.app.outreach;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.dvcassistant.app.web.BrowserPage;
import vn.dvcassistant.app.web.HeadlessChromium;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.app.conversation.SessionKeys;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.channel.Channel;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole announcement in a real headless Chromium: an admin composes it for one field's subscribers, an
 * editor approves it, the fake Telegram and Zalo servers receive it as the rules allow, the results page
 * shows the counts; then a citizen unsubscribes in the chat and the next announcement does not reach them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignBrowserTest implements TestPropertyProvider {

    private static final String ZALO_SEND = "/v3.0/oa/message/cs";

    private final FakeApiServer botApi = new FakeApiServer();
    private final FakeApiServer zaloApi = new FakeApiServer();
    private final FakeApiServer zaloOauth = new FakeApiServer();

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    CampaignService campaigns;

    HeadlessChromium chromium;
    WebDriver browser;
    BrowserPage page;

    @Override
    public Map<String, String> getProperties() {
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
        botApi.on(TelegramChat.CALLBACK, new Response(200, "{\"ok\":true,\"result\":true}"));
        zaloApi.on(ZALO_SEND, new Response(200, """
                {"data":{"message_id":"m1","user_id":"1"},"error":0,"message":"Success"}"""));
        Map<String, String> properties = TelegramChat.properties(botApi);
        properties.put("dvc.outreach.poll-interval", "200ms");
        properties.put("channels.zalo.app-id", "4318855412337893151");
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", "oa-secret-key-test");
        properties.put("channels.zalo.access-token", "configured-access-token");
        properties.put("channels.zalo.refresh-token", "configured-refresh-token");
        properties.put("channels.zalo.api-url", zaloApi.baseUrl());
        properties.put("channels.zalo.oauth-url", zaloOauth.baseUrl());
        return properties;
    }

    @BeforeEach
    void start() throws IOException {
        // Other test classes may share the embedded database: their subscribers are not this test's audience.
        new TestDatabase(transactions).update("UPDATE subscription SET ended_at = now(), ended_reason = 'test' "
                + "WHERE ended_at IS NULL");
        chromium = HeadlessChromium.start("--window-size=390,844");
        browser = chromium.driver();
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        page = new BrowserPage(chromium, server, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterAll
    void stopFakes() {
        botApi.close();
        zaloApi.close();
        zaloOauth.close();
    }

    @Test
    void staffComposeApproveAndSendToAFieldsSubscribersThenACitizenUnsubscribes() {
        TelegramChat civilStatus = subscribed("/dangky ho-tich");
        TelegramChat land = subscribed("/dangky dat-dai");
        String zaloRecent = zaloSubscriber(Duration.ofHours(1));
        String zaloLongAgo = zaloSubscriber(Duration.ofDays(4));
        String author = StaffSession.newUser(accounts, Roles.ADMIN, null);
        String approver = StaffSession.newUser(accounts, Roles.EDITOR, null);
        String text = "Từ tuần sau, Sở Tư pháp nhận hồ sơ khai sinh cả sáng thứ Bảy " + UUID.randomUUID().toString().substring(0, 8);

        page.logIn(author);
        browser.get(page.url("/quan-tri/thong-bao"));
        browser.findElement(By.id("text")).sendKeys(text);
        browser.findElement(By.id("field-ho-tich")).click();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("topicId"))).selectByValue("dang-ky-khai-sinh");
        browser.findElement(By.id("create")).click();
        page.waitFor(ExpectedConditions.urlMatches("/quan-tri/thong-bao/[0-9a-f-]{36}$"));
        String campaignPage = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Chờ duyệt");
        assertThat(browser.findElement(By.id("preview-telegram")).getText()).contains(text).contains("Gõ /huy");
        assertThat(browser.findElement(By.id("preview-zalo")).getText()).contains(text);
        assertThat(browser.findElements(By.id("approve"))).as("the author cannot approve").isEmpty();

        browser.manage().deleteAllCookies();
        page.logIn(approver);
        browser.get(campaignPage);
        browser.findElement(By.id("approve")).click();
        page.waitFor(ExpectedConditions.urlToBe(campaignPage));
        page.waitFor(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("status")).getText().equals("Đã gửi xong");
        });
        assertThat(browser.findElement(By.id("approved-by")).getText()).isEqualTo(approver);
        assertThat(browser.findElement(By.id("targeted")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("sent")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("blocked")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("failed")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("results")).getText())
                .contains("Người nhận không nhắn cho trang Zalo trong thời gian cho phép");

        browser.get(page.url("/quan-tri/tong-quan"));
        assertThat(browser.findElement(By.id("campaigns")).getText()).contains("Đã gửi xong");

        civilStatus.awaitText(text);
        assertThat(land.texts()).noneMatch(t -> t.contains(text));
        assertThat(zaloApi.requests(ZALO_SEND, r -> r.body().contains(text))).hasSize(1)
                .allSatisfy(r -> assertThat(r.body()).contains(zaloRecent).doesNotContain(zaloLongAgo));

        // The citizen presses "Hủy nhận thông báo" under the announcement; the next one does not reach them.
        civilStatus.press("sub:off", 0);
        civilStatus.awaitText("Bạn đã hủy nhận thông báo.");
        int before = civilStatus.texts().size();
        String next = "Thông báo thứ hai về hộ tịch " + UUID.randomUUID().toString().substring(0, 8);
        Campaign second = campaigns.create(new StaffMember(author, "Tác giả", Roles.ADMIN, null),
                new CampaignRequest(next, null, new CampaignRequest.Audience(List.of("ho-tich"), null, List.of("telegram")), null));
        campaigns.approve(new StaffMember(approver, "Người duyệt", Roles.EDITOR, null), second.id());
        browser.get(page.url("/quan-tri/thong-bao/" + second.id()));
        page.waitFor(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("status")).getText().equals("Đã gửi xong");
        });
        assertThat(browser.findElement(By.id("targeted")).getText()).isEqualTo("0");
        assertThat(civilStatus.texts()).hasSize(before).noneMatch(t -> t.contains(next));
        browser.get(page.url("/quan-tri/thong-bao"));
        assertThat(browser.findElement(By.id("list")).getText()).contains("Đã gửi xong").contains("2 / 3");
    }

    @Test
    void onTheWebChatNhacToiHandsTheReminderToThePhonesCalendar() {
        browser.get(page.url("/"));
        page.waitFor(driver -> !driver.findElements(By.cssSelector("#conversation .msg.bot")).isEmpty());
        WebElement question = browser.findElement(By.id("question"));
        question.sendKeys("đăng ký khai sinh cho con");
        question.sendKeys(Keys.ENTER);
        WebElement remind = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> driver.findElement(By.cssSelector("button[data-reminder='dang-ky-khai-sinh']")));
        assertThat(remind.getText()).isEqualTo("Nhắc tôi");
        remind.click();
        WebElement date = browser.findElement(By.id("reminder-date-dang-ky-khai-sinh"));
        assertThat(browser.findElement(By.cssSelector("label[for='reminder-date-dang-ky-khai-sinh']")).getText())
                .isEqualTo("Chọn ngày sinh của bé:");
        assertThat(browser.findElement(By.cssSelector(".reminder-form")).getText())
                .contains("Hạn là 60 ngày (trong 60 ngày kể từ ngày sinh)");
        LocalDate born = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3);
        page.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
                date, born.toString());
        WebElement link = browser.findElement(By.cssSelector("a.reminder-link"));
        assertThat(link.isDisplayed()).isTrue();
        assertThat(link.getText()).isEqualTo("Thêm nhắc hạn vào lịch điện thoại");
        String href = link.getAttribute("href");
        assertThat(href).endsWith("/api/v1/topics/dang-ky-khai-sinh/nhac-han.ics?tu=" + born);
        String calendar = http.toBlocking().retrieve(href.substring(href.indexOf("/api/")));
        assertThat(calendar).contains("DTSTART;VALUE=DATE:" + born.plusDays(60).format(DateTimeFormatter.BASIC_ISO_DATE))
                .contains("TRIGGER:-P7D").contains("SUMMARY:Hạn cuối: Đăng ký khai sinh");
    }

    private TelegramChat subscribed(String command) {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        chat.say(command, 2);
        chat.awaitText("Bạn đã đăng ký nhận thông báo");
        return chat;
    }

    private String zaloSubscriber(Duration wrote) {
        String user = String.valueOf(System.nanoTime());
        String key = SessionKeys.of(Channel.ZALO, user);
        TestDatabase db = new TestDatabase(transactions);
        db.update("INSERT INTO channel_contact (session_key, channel, chat_id, updated_at) VALUES (?, 'zalo', ?, now())",
                key, user);
        db.update("INSERT INTO subscription (session_key, channel, fields, started_at) VALUES (?, 'zalo', '{ho-tich}', now())",
                key);
        db.update("INSERT INTO zalo_chat_window (session_key, last_message_at) VALUES (?, now() - make_interval(secs => ?))",
                key, (double) wrote.toSeconds());
        return user;
    }
}
