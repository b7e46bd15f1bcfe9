package vn.dvcassistant.app.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscriptions in a Telegram chat and campaigns through the staff API, end to end: the webhook in, the
 * real Bot API client out to a local fake, the scheduler sending.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignTelegramTest implements TestPropertyProvider {

    private static final String TOO_MANY = """
            {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""";

    private final FakeApiServer botApi = new FakeApiServer();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    vn.dvcassistant.app.agencies.AgencyChanges agencyChanges;
    @Inject
    vn.dvcassistant.app.province.AgencyDirectory agencyDirectory;

    @Override
    public Map<String, String> getProperties() {
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
        botApi.on(TelegramChat.CALLBACK, new Response(200, "{\"ok\":true,\"result\":true}"));
        Map<String, String> properties = TelegramChat.properties(botApi);
        properties.put("dvc.outreach.poll-interval", "200ms");
        return properties;
    }

    @AfterAll
    void stopFake() {
        botApi.close();
    }

    @BeforeEach
    void noOtherSubscribers() {
        new TestDatabase(transactions).update("UPDATE subscription SET ended_at = now(), ended_reason = 'test' "
                + "WHERE ended_at IS NULL");
    }

    @Test
    void aFieldCampaignReachesExactlyItsSubscribersAndCountsWhatFollowed() throws Exception {
        TelegramChat everything = subscribed("/dangky");
        TelegramChat civilStatus = subscribed("/dangky ho-tich");
        TelegramChat land = subscribed("/dangky dat-dai");
        TelegramChat noConsent = new TelegramChat(http, botApi);
        JsonNode refused = noConsent.say("/dangky", 1);
        assertThat(refused.path("text").asText()).contains("cần lưu mã cuộc trò chuyện");
        assertThat(TelegramChat.buttonData(refused)).containsExactly("consent:yes", "consent:no");
        TelegramChat left = subscribed("/dangky");
        assertThat(left.say("/huy", 3).path("text").asText()).isEqualTo(
                "Bạn đã hủy nhận thông báo. Từ nay chúng tôi không gửi thông báo cho bạn nữa.");

        HttpClient staff = StaffSession.client(server);
        Cookie author = StaffSession.loginAs(staff, accounts, Roles.ADMIN, null);
        Cookie editor = StaffSession.loginAs(staff, accounts, Roles.EDITOR, null);
        String text = "Từ 01/01/2027, đăng ký khai sinh trực tuyến được miễn lệ phí. Chi tiết: https://dichvucong.gov.vn";
        HttpResponse<String> created = send(staff, author, HttpRequest.POST("/api/v1/admin/campaigns", """
                {"text": "%s", "topicId": "dang-ky-khai-sinh", "audience": {"fields": ["ho-tich"]}}""".formatted(text)));
        assertThat(created.code()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.path("status").asText()).isEqualTo("awaiting_approval");
        String id = body.path("id").asText();

        HttpResponse<String> own = send(staff, author, HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/approve", ""));
        assertThat(own.code()).as("the author cannot approve their own campaign").isEqualTo(403);
        assertThat(json.readTree(own.body()).path("message").asText()).contains("không thể tự duyệt");
        assertThat(send(staff, editor, HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/approve", "")).code())
                .isEqualTo(200);

        JsonNode done = awaitStatus(staff, author, id, "sent");
        assertThat(done.path("targeted").asInt()).isEqualTo(2);
        assertThat(done.path("sent").asInt()).isEqualTo(2);
        assertThat(done.path("failed").asInt()).isZero();
        assertThat(done.path("blocked").asInt()).isZero();
        for (TelegramChat chat : List.of(everything, civilStatus)) {
            JsonNode announcement = chat.received(3).get(2);
            assertThat(announcement.path("text").asText()).contains("miễn lệ phí").contains("Gõ /huy");
            assertThat(TelegramChat.buttonData(announcement)).containsExactly("topic:dang-ky-khai-sinh", "sub:off");
        }
        assertThat(land.texts()).hasSize(2).noneMatch(t -> t.contains("miễn lệ phí"));
        assertThat(noConsent.texts()).hasSize(1);
        assertThat(left.texts()).hasSize(3).noneMatch(t -> t.contains("miễn lệ phí"));
        assertThat(json.readTree(send(staff, author, HttpRequest.GET("/api/v1/admin/campaigns/" + id)).body())
                .path("audit").findValuesAsText("action")).containsExactly("created", "approved", "started", "finished");

        // "Xem hướng dẫn" opens the answer in the chat; "stop" ends the other subscription.
        civilStatus.press("topic:dang-ky-khai-sinh", 4);
        civilStatus.awaitText("Đăng ký khai sinh");
        everything.say("stop", 4);
        everything.awaitText("Bạn đã hủy nhận thông báo.");
        JsonNode results = json.readTree(send(staff, author, HttpRequest.GET("/api/v1/admin/campaigns/" + id)).body())
                .path("results");
        assertThat(results.path("askedAboutTopic").asInt()).isEqualTo(1);
        assertThat(results.path("unsubscribedAfter").asInt()).isEqualTo(1);

        String csv = send(staff, editor, HttpRequest.GET("/quan-tri/xuat/thong-bao.csv")).body();
        assertThat(csv).contains("Không gửi được theo quy định của Zalo").contains("miễn lệ phí")
                .contains("Đã gửi xong");
    }

    @Test
    void aCitizenSubscribesForTheirCommuneByItsNameFromTheDirectory() throws Exception {
        String p = "OC" + java.util.UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
        agencyChanges.apply(List.of(new vn.dvcassistant.app.agencies.AgencyChanges.Row(2,
                new vn.dvcassistant.app.province.AgencyDraft(p + "LN", "UBND xã Lý Nhân", null,
                        vn.dvcassistant.app.province.AgencyKind.COMMUNE_COMMITTEE, java.util.Set.of()))), List.of(), "test");
        try {
            TelegramChat chat = new TelegramChat(http, botApi);
            chat.consent();
            String reply = chat.say("/dangky ho-tich xã Lý Nhân", 2).path("text").asText();
            assertThat(reply).startsWith("Bạn đã đăng ký nhận thông báo").contains("Xã, phường của bạn: UBND xã Lý Nhân.")
                    .doesNotContain("không nhận ra");
            assertThat(new TestDatabase(transactions).column(
                    "SELECT commune FROM subscription WHERE ended_at IS NULL AND commune = ?", p + "LN")).hasSize(1);

            // A complaint about a procedure the commune handles, from this chat, reaches the commune it subscribed for.
            chat.say("góp ý", 3);
            chat.awaitText("Mời bạn viết góp ý");
            chat.say("Đăng ký khai sinh cho con tôi chờ đã ba tuần chưa có kết quả.", 4);
            assertThat(chat.awaitText("Mã theo dõi").path("text").asText()).contains("Cơ quan xử lý: UBND xã Lý Nhân.");
        } finally {
            vn.dvcassistant.app.province.AgencyTestData.retire(transactions, agencyDirectory, p);
        }
    }

    @Test
    void erasingTheDataEndsTheSubscription() throws Exception {
        TelegramChat erased = subscribed("/dangky");
        TelegramChat kept = subscribed("/dangky");
        erased.say("xóa dữ liệu", 3);
        erased.awaitText("trả lời \"xác nhận xóa\"");
        erased.say("xác nhận xóa", 4);
        erased.awaitText("Đã xóa dữ liệu của bạn.");
        int before = erased.texts().size();

        JsonNode done = approvedAndSent("Thông báo chung của tỉnh gửi mọi người đăng ký.", "{}");
        assertThat(done.path("targeted").asInt()).isEqualTo(1);
        assertThat(kept.received(3).get(2).path("text").asText()).contains("Thông báo chung của tỉnh");
        assertThat(erased.texts()).hasSize(before).noneMatch(t -> t.contains("Thông báo chung"));
    }

    @Test
    void telegramsRetryAfterIsHonouredAndTheMessageSentOnce() throws Exception {
        TelegramChat chat = subscribed("/dangky");
        botApi.on(TelegramChat.SEND, new Response(429, TOO_MANY), new Response(200, TelegramChat.OK));
        try {
            JsonNode done = approvedAndSent("Cảnh báo lừa đảo: cán bộ không gọi điện đòi chuyển tiền.", "{}");
            assertThat(done.path("sent").asInt()).isEqualTo(1);
            List<FakeApiServer.Request> tries = botApi.requests(TelegramChat.SEND,
                    r -> r.body().contains("\"chat_id\":\"" + chat.id + "\"") && r.body().contains("lừa đảo"));
            assertThat(tries).as("refused once with retry_after, then sent").hasSize(2);
            assertThat(Duration.ofNanos(tries.get(1).receivedNanos() - tries.get(0).receivedNanos()))
                    .as("retry_after: 1 s").isGreaterThanOrEqualTo(Duration.ofMillis(950));
            assertThat(chat.texts().stream().filter(t -> t.contains("lừa đảo"))).as("delivered once").hasSize(2);
        } finally {
            botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
        }
    }

    @Test
    void badCampaignsAreRefusedWithAReason() throws Exception {
        HttpClient staff = StaffSession.client(server);
        Cookie editor = StaffSession.loginAs(staff, accounts, Roles.EDITOR, null);
        assertRefused(staff, editor, "{\"text\": \"Gửi tất cả\"}", 403, "campaign_everyone_admin_only");
        assertRefused(staff, editor, "{\"text\": \"Xem https://lua-dao.example.com\", \"audience\": {\"fields\": [\"ho-tich\"]}}",
                400, "campaign_link_not_allowed");
        assertRefused(staff, editor, "{\"text\": \"a\\u0007b\", \"audience\": {\"fields\": [\"ho-tich\"]}}",
                400, "control_characters");
        assertRefused(staff, editor, "{\"text\": \"%s\", \"audience\": {\"fields\": [\"ho-tich\"]}}".formatted("x".repeat(1801)),
                400, "campaign_text_too_long_zalo");
        assertRefused(staff, editor, "{\"text\": \"Thông báo\", \"audience\": {\"fields\": [\"khong-co\"]}}",
                400, "campaign_field");
        assertRefused(staff, editor, "{\"text\": \"Thông báo\", \"audience\": {\"fields\": [\"ho-tich\"]}, \"sendAt\": \"mai\"}",
                400, "campaign_send_at");
        Cookie volunteer = StaffSession.loginAs(staff, accounts, Roles.VOLUNTEER, null);
        assertThat(send(staff, volunteer, HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"text\": \"Thông báo\", \"audience\": {\"fields\": [\"ho-tich\"]}}")).code()).isEqualTo(403);
    }

    private void assertRefused(HttpClient staff, Cookie who, String body, int status, String code) throws Exception {
        HttpResponse<String> response = send(staff, who, HttpRequest.POST("/api/v1/admin/campaigns", body));
        assertThat(response.code()).as(body).isEqualTo(status);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo(code);
    }

    /** A campaign by one admin, approved by another, sent to the audience given as JSON. */
    private JsonNode approvedAndSent(String text, String audience) throws Exception {
        HttpClient staff = StaffSession.client(server);
        Cookie author = StaffSession.loginAs(staff, accounts, Roles.ADMIN, null);
        Cookie approver = StaffSession.loginAs(staff, accounts, Roles.ADMIN, null);
        String id = json.readTree(send(staff, author, HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"text\": \"%s\", \"audience\": %s}".formatted(text, audience))).body()).path("id").asText();
        assertThat(send(staff, approver, HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/approve", "")).code())
                .isEqualTo(200);
        return awaitStatus(staff, author, id, "sent");
    }

    private TelegramChat subscribed(String command) {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        assertThat(chat.say(command, 2).path("text").asText()).startsWith("Bạn đã đăng ký nhận thông báo");
        return chat;
    }

    private JsonNode awaitStatus(HttpClient staff, Cookie who, String id, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            JsonNode campaign = json.readTree(send(staff, who, HttpRequest.GET("/api/v1/admin/campaigns/" + id)).body());
            if (campaign.path("status").asText().equals(status)) {
                return campaign;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("campaign still " + campaign);
            }
            FakeApiServer.sleep(50);
        }
    }

    private static HttpResponse<String> send(HttpClient staff, Cookie who, io.micronaut.http.MutableHttpRequest<?> request) {
        return StaffSession.send(staff, StaffSession.origin(request.cookie(who).contentType(MediaType.APPLICATION_JSON_TYPE)));
    }
}
