package vn.dvcassistant.app.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;
import vn.dvcassistant.app.conversation.SessionKeys;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sending itself, with instances of {@link CampaignSending} driven by the test (the service's own
 * scheduler is idle here): two instances on one campaign, an instance stopped mid-send and another
 * resuming, a claim left by a dead instance, a citizen who unsubscribes mid-campaign, and Zalo's rules.
 * Telegram and Zalo are the real clients against local fakes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignSendingTest implements TestPropertyProvider {

    private static final String ZALO_SEND = "/v3.0/oa/message/cs";
    private static final String ZALO_TEMPLATE = "/message/template";
    private static final String ZALO_TEMPLATE_SENT = """
            {"data":{"msg_id":"t1","sent_time":"1763800000000"},"error":0,"message":"Success"}""";
    private static final String ZALO_SENT = """
            {"data":{"message_id":"m1","user_id":"1"},"error":0,"message":"Success"}""";
    private static final String ZALO_WINDOW_CLOSED = """
            {"error":-230,"message":"User has not interacted with the OA in the last 7 days"}""";

    private final FakeApiServer botApi = new FakeApiServer();
    private final FakeApiServer zaloApi = new FakeApiServer();
    private final FakeApiServer zaloOauth = new FakeApiServer();

    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    CampaignService campaigns;
    @Inject
    CampaignResults results;
    @Inject
    Deliveries deliveries;
    @Inject
    CampaignStore store;
    @Inject
    CampaignMessage message;
    @Inject
    List<OutboundChannel> channels;
    @Inject
    ZaloChatWindow zaloWindow;
    @Inject
    Subscriptions subscriptions;
    @Inject
    ZaloNotices noTemplate;

    @Override
    public Map<String, String> getProperties() {
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
        zaloApi.on(ZALO_SEND, new Response(200, ZALO_SENT));
        zaloApi.on(ZALO_TEMPLATE, new Response(200, ZALO_TEMPLATE_SENT));
        Map<String, String> properties = TelegramChat.properties(botApi);
        properties.put("dvc.outreach.poll-interval", "1h");
        properties.put("channels.zalo.app-id", "4318855412337893151");
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", "oa-secret-key-test");
        properties.put("channels.zalo.access-token", "configured-access-token");
        properties.put("channels.zalo.refresh-token", "configured-refresh-token");
        properties.put("channels.zalo.api-url", zaloApi.baseUrl());
        properties.put("channels.zalo.oauth-url", zaloOauth.baseUrl());
        properties.put("channels.zalo.template-url", zaloApi.baseUrl() + ZALO_TEMPLATE);
        properties.put("channels.zalo.retry-initial-backoff", "20ms");
        properties.put("channels.zalo.retry-max-backoff", "80ms");
        return properties;
    }

    @AfterAll
    void stopFakes() {
        botApi.close();
        zaloApi.close();
        zaloOauth.close();
    }

    @BeforeEach
    void noOtherSubscribers() {
        db().update("UPDATE subscription SET ended_at = now(), ended_reason = 'test' WHERE ended_at IS NULL");
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
    }

    @Test
    void twoInstancesSendOneCampaignAndNobodyGetsItTwice() throws Exception {
        List<String> chats = telegramSubscribers(60);
        Campaign campaign = approved("Hai máy chủ cùng gửi thông báo này " + UUID.randomUUID(), "telegram");
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK, 5));

        AtomicInteger[] handled = {new AtomicInteger(), new AtomicInteger()};
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try (CampaignSending first = instance(30, 4, 10); CampaignSending second = instance(30, 4, 10)) {
            List<Future<?>> runs = new ArrayList<>();
            CampaignSending[] both = {first, second};
            for (int i = 0; i < 2; i++) {
                int n = i;
                runs.add(instances.submit(() -> runUntilSent(both[n], campaign.id(), handled[n])));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }
        assertThat(handled[0].get()).as("the first instance sent some").isPositive();
        assertThat(handled[1].get()).as("the second instance sent some").isPositive();
        assertEachReceivedOnce(chats, campaign);
        CampaignResults.Figures figures = results.of(store.find(campaign.id()).orElseThrow());
        assertThat(figures.sent()).isEqualTo(60);
        assertThat(figures.failed() + figures.blocked() + figures.skipped() + figures.pending()).isZero();
    }

    @Test
    void eachInstanceKeepsToItsOwnRate() {
        List<String> chats = telegramSubscribers(21);
        Campaign campaign = approved("Gửi theo nhịp của máy chủ " + UUID.randomUUID(), "telegram");
        try (CampaignSending sending = instance(10, 4, 100)) {
            runUntilSent(sending, campaign.id(), new AtomicInteger());
        }
        assertEachReceivedOnce(chats, campaign);
        List<Long> at = botApi.requests(TelegramChat.SEND, r -> r.body().contains(campaign.text())).stream()
                .map(FakeApiServer.Request::receivedNanos).sorted().toList();
        // 21 messages at 10 per second, evenly spaced: 20 gaps of 100 ms, never 11 within one second.
        assertThat(Duration.ofNanos(at.get(20) - at.get(0))).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        for (int i = 10; i < at.size(); i++) {
            assertThat(Duration.ofNanos(at.get(i) - at.get(i - 10))).as("11 messages within one second")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void anInstanceStoppedMidSendIsResumedByAnotherWithoutGapOrDuplicate() throws Exception {
        List<String> chats = telegramSubscribers(40);
        Campaign campaign = approved("Thông báo gửi dở rồi gửi tiếp " + UUID.randomUUID(), "telegram");
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK, 30));

        ExecutorService thread = Executors.newSingleThreadExecutor();
        CampaignSending crashing = instance(30, 4, 100);
        try {
            Future<?> run = thread.submit(() -> runUntilSent(crashing, campaign.id(), new AtomicInteger()));
            botApi.await(TelegramChat.SEND, r -> r.body().contains(campaign.text()), 10);
            crashing.close();
            run.get();
        } finally {
            thread.shutdownNow();
        }
        int before = botApi.requests(TelegramChat.SEND, r -> r.body().contains(campaign.text())).size();
        assertThat(before).as("stopped in the middle").isBetween(10, 39);
        assertThat(store.find(campaign.id()).orElseThrow().status()).isEqualTo(Campaign.SENDING);

        try (CampaignSending restarted = instance(30, 4, 100)) {
            runUntilSent(restarted, campaign.id(), new AtomicInteger());
        }
        assertEachReceivedOnce(chats, campaign);
        assertThat(results.of(store.find(campaign.id()).orElseThrow()).sent()).isEqualTo(40);
    }

    @Test
    void messagesClaimedByADeadInstanceAreSentOnceItsClaimRunsOut() {
        List<String> chats = telegramSubscribers(5);
        Campaign campaign = approved("Thông báo của máy chủ đã dừng " + UUID.randomUUID(), "telegram");
        deliveries.startDue();
        // An instance claims the rows, then dies before sending any.
        assertThat(deliveries.claim(100, Duration.ofMillis(700))).hasSize(5);
        long claimed = System.nanoTime();
        try (CampaignSending survivor = instance(30, 2, 100)) {
            runUntilSent(survivor, campaign.id(), new AtomicInteger());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - claimed)).as("not before the claim ran out")
                .isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertEachReceivedOnce(chats, campaign);
    }

    @Test
    void aCitizenWhoUnsubscribesMidCampaignReceivesNothingMore() throws Exception {
        List<String> chats = telegramSubscribers(10);
        Campaign campaign = approved("Thông báo dài hơi " + UUID.randomUUID(), "telegram");
        String last = chats.stream().max((a, b) -> SessionKeys.of(Channel.TELEGRAM, a)
                .compareTo(SessionKeys.of(Channel.TELEGRAM, b))).orElseThrow();

        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (CampaignSending slow = instance(5, 1, 100)) {
            Future<?> run = thread.submit(() -> runUntilSent(slow, campaign.id(), new AtomicInteger()));
            botApi.await(TelegramChat.SEND, r -> r.body().contains(campaign.text()), 1);
            subscriptions.end(SessionKeys.of(Channel.TELEGRAM, last), Subscriptions.ENDED_BY_CITIZEN);
            run.get();
        } finally {
            thread.shutdownNow();
        }
        assertThat(botApi.requests(TelegramChat.SEND, r -> r.body().contains("\"chat_id\":\"" + last + "\""))).isEmpty();
        CampaignResults.Figures figures = results.of(store.find(campaign.id()).orElseThrow());
        assertThat(figures.targeted()).isEqualTo(10);
        assertThat(figures.sent()).isEqualTo(9);
        assertThat(figures.skipped()).isEqualTo(1);
    }

    @Test
    void zaloGetsOnlyWhatItsRulesAllowAndTheRestIsCountedAsBlocked() {
        String recent = zaloSubscriber(Duration.ofHours(2), false);
        String refusedByZalo = zaloSubscriber(Duration.ofHours(3), false);
        String threeDays = zaloSubscriber(Duration.ofDays(3), false);
        String neverWrote = zaloSubscriber(null, false);
        String unfollowed = zaloSubscriber(Duration.ofHours(1), true);
        Campaign campaign = approved("Thông báo qua Zalo " + UUID.randomUUID(), "zalo");
        // One send at a time in row order: the first accepted, the second refused by Zalo (-230).
        List<String> inWindow = List.of(recent, refusedByZalo).stream()
                .sorted((a, b) -> SessionKeys.of(Channel.ZALO, a).compareTo(SessionKeys.of(Channel.ZALO, b))).toList();
        zaloApi.on(ZALO_SEND, new Response(200, ZALO_SENT), new Response(200, ZALO_WINDOW_CLOSED));

        try (CampaignSending sending = instance(30, 1, 100)) {
            runUntilSent(sending, campaign.id(), new AtomicInteger());
        }
        List<FakeApiServer.Request> sent = zaloApi.requests(ZALO_SEND, r -> r.body().contains(campaign.text()));
        assertThat(sent).hasSize(2).allSatisfy(r -> assertThat(inWindow).anyMatch(id -> r.body().contains(id)));
        for (String outside : List.of(threeDays, neverWrote, unfollowed)) {
            assertThat(sent).noneMatch(r -> r.body().contains(outside));
        }
        CampaignResults.Figures figures = results.of(store.find(campaign.id()).orElseThrow());
        assertThat(figures.targeted()).isEqualTo(5);
        assertThat(figures.sent()).isEqualTo(1);
        assertThat(figures.failed()).isZero();
        assertThat(figures.blocked()).isEqualTo(4);
        assertThat(figures.blockedByReason()).isEqualTo(Map.of("zalo_window", 3, "zalo_not_follower", 1));
    }

    @Test
    void withAnApprovedTemplateZaloFollowersOutsideTheWindowGetTheTemplateMessage() {
        String recent = zaloSubscriber(Duration.ofHours(2), false);
        String fiveDays = zaloSubscriber(Duration.ofDays(5), false);
        String refusedByZalo = zaloSubscriber(Duration.ofHours(3), false);
        String unfollowed = zaloSubscriber(Duration.ofDays(5), true);
        Campaign campaign = approved("Từ 1/1, nộp hồ sơ đất đai trên Cổng Dịch vụ công " + UUID.randomUUID()
                + "\n\nChi tiết xem tại dichvucong.gov.vn.", "zalo");
        List<String> inWindow = List.of(recent, refusedByZalo).stream()
                .sorted((a, b) -> SessionKeys.of(Channel.ZALO, a).compareTo(SessionKeys.of(Channel.ZALO, b))).toList();
        zaloApi.on(ZALO_SEND, new Response(200, ZALO_SENT), new Response(200, ZALO_WINDOW_CLOSED));
        ZaloNotices template = new ZaloNotices(new OutreachZaloTemplates("431234", "tieu_de:title,ngay:date", null, null),
                new ProvinceClock(ZoneId.of("Asia/Ho_Chi_Minh")));
        String title = campaign.text().split("\n")[0];

        try (CampaignSending sending = instance(30, 1, 100, template)) {
            runUntilSent(sending, campaign.id(), new AtomicInteger());
        }
        assertThat(zaloApi.requests(ZALO_SEND, r -> r.body().contains(title))).hasSize(2);
        List<FakeApiServer.Request> templates = zaloApi.requests(ZALO_TEMPLATE, r -> r.body().contains(title));
        String refused = inWindow.get(1);
        assertThat(templates).as("the follower outside the window and the one Zalo refused (-230)").hasSize(2)
                .anySatisfy(r -> assertThat(r.body()).contains(fiveDays))
                .anySatisfy(r -> assertThat(r.body()).contains(refused))
                .allSatisfy(r -> {
                    JsonNode body = json(r.body());
                    assertThat(body.path("template_id").asText()).isEqualTo("431234");
                    assertThat(body.path("template_data").path("tieu_de").asText()).isEqualTo(title);
                    assertThat(body.path("template_data").path("ngay").asText()).matches("\\d{2}/\\d{2}/\\d{4}");
                    assertThat(r.header("access_token")).isEqualTo("configured-access-token");
                });
        assertThat(zaloApi.requests(ZALO_TEMPLATE, r -> r.body().contains(unfollowed))).isEmpty();
        CampaignResults.Figures figures = results.of(store.find(campaign.id()).orElseThrow());
        assertThat(figures.sent()).isEqualTo(3);
        assertThat(figures.blocked()).isEqualTo(1);
        assertThat(figures.blockedByReason()).isEqualTo(Map.of("zalo_not_follower", 1));
    }

    private CampaignSending instance(double rate, int threads, int batch) {
        return instance(rate, threads, batch, noTemplate);
    }

    private CampaignSending instance(double rate, int threads, int batch, ZaloNotices notices) {
        OutreachSettings settings = new OutreachSettings(rate, threads, Duration.ofHours(1), Duration.ofMinutes(5),
                batch, 1000, List.of("dichvucong.gov.vn"), Duration.ofHours(48), 7);
        return new CampaignSending(deliveries, store, message, channels, zaloWindow, subscriptions, settings, notices);
    }

    private void runUntilSent(CampaignSending sending, UUID campaign, AtomicInteger handled) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            handled.addAndGet(sending.runOnce());
            String status = store.find(campaign).orElseThrow().status();
            if (Campaign.SENT.equals(status) || sending.stopped()) {
                return;
            }
            FakeApiServer.sleep(20);
        }
        throw new AssertionError("campaign not sent in 30 s");
    }

    private Campaign approved(String text, String channel) {
        Campaign campaign = campaigns.create(new StaffMember("tac-gia", "Tác giả", "ADMIN", null),
                new CampaignRequest(text, null, new CampaignRequest.Audience(null, null, List.of(channel)), null));
        return campaigns.approve(new StaffMember("nguoi-duyet", "Người duyệt", "ADMIN", null), campaign.id());
    }

    private List<String> telegramSubscribers(int count) {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String chat = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 9_000_000_000L));
            String key = SessionKeys.of(Channel.TELEGRAM, chat);
            db().update("INSERT INTO channel_contact (session_key, channel, chat_id, updated_at) VALUES (?, 'telegram', ?, now())",
                    key, chat);
            db().update("INSERT INTO subscription (session_key, channel, started_at) VALUES (?, 'telegram', now())", key);
            chats.add(chat);
        }
        return chats;
    }

    /** @param wrote how long ago the follower last wrote to the OA; null = never */
    private String zaloSubscriber(Duration wrote, boolean unfollowed) {
        String user = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
        String key = SessionKeys.of(Channel.ZALO, user);
        db().update("INSERT INTO channel_contact (session_key, channel, chat_id, unfollowed_at, updated_at) "
                + "VALUES (?, 'zalo', ?, " + (unfollowed ? "now()" : "NULL") + ", now())", key, user);
        db().update("INSERT INTO subscription (session_key, channel, started_at) VALUES (?, 'zalo', now())", key);
        if (wrote != null) {
            db().update("INSERT INTO zalo_chat_window (session_key, last_message_at) "
                    + "VALUES (?, now() - make_interval(secs => ?))", key, (double) wrote.toSeconds());
        }
        return user;
    }

    private void assertEachReceivedOnce(List<String> chats, Campaign campaign) {
        for (String chat : chats) {
            assertThat(botApi.requests(TelegramChat.SEND, r -> r.body().contains("\"chat_id\":\"" + chat + "\"")
                    && r.body().contains(campaign.text()))).as("chat %s", chat).hasSize(1);
        }
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private TestDatabase db() {
        return new TestDatabase(transactions);
    }
}
