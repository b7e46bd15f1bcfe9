package vn.dvcassistant.app.outreach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer;
import vn.dvcassistant.app.channel.FakeApiServer.Response;
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.TestDatabase;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;
import vn.dvcassistant.app.conversation.SessionKeys;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.KnowledgeBase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Nhắc tôi" end to end in a Telegram chat (webhook in, the real Bot API client out to a local fake): only
 * under an answer whose entry states a deadline, the date asked, one reminder sent before the deadline,
 * cancelled on request; and on Zalo only what its rules allow (the chat within the window, else the
 * province's approved template, else counted as blocked). The sending is driven with the day it runs on.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderTest implements TestPropertyProvider {

    private static final String ZALO_SEND = "/v3.0/oa/message/cs";
    private static final String ZALO_TEMPLATE = "/message/template";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FakeApiServer botApi = new FakeApiServer();
    private final FakeApiServer zaloApi = new FakeApiServer();
    private final FakeApiServer zaloOauth = new FakeApiServer();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ReminderSending sending;
    @Inject
    Reminders reminders;
    @Inject
    KnowledgeBase knowledgeBase;
    @Inject
    List<OutboundChannel> channels;
    @Inject
    ZaloChatWindow zaloWindow;
    @Inject
    Messages messages;
    @Inject
    OutreachSettings settings;

    @Override
    public Map<String, String> getProperties() {
        botApi.on(TelegramChat.SEND, new Response(200, TelegramChat.OK));
        botApi.on(TelegramChat.CALLBACK, new Response(200, "{\"ok\":true,\"result\":true}"));
        zaloApi.on(ZALO_SEND, new Response(200, """
                {"data":{"message_id":"m1","user_id":"1"},"error":0,"message":"Success"}"""));
        zaloApi.on(ZALO_TEMPLATE, new Response(200, """
                {"data":{"msg_id":"t1","sent_time":"1763800000000"},"error":0,"message":"Success"}"""));
        Map<String, String> properties = TelegramChat.properties(botApi);
        // The test drives the sending with the day it runs on; the service's own round stays idle.
        properties.put("dvc.outreach.poll-interval", "1h");
        properties.put("dvc.outreach.reminder-lead-days", "7");
        properties.put("channels.zalo.app-id", "4318855412337893151");
        properties.put("channels.zalo.app-secret", "app-secret-xyz");
        properties.put("channels.zalo.oa-secret-key", "oa-secret-key-test");
        properties.put("channels.zalo.access-token", "configured-access-token");
        properties.put("channels.zalo.refresh-token", "configured-refresh-token");
        properties.put("channels.zalo.api-url", zaloApi.baseUrl());
        properties.put("channels.zalo.oauth-url", zaloOauth.baseUrl());
        properties.put("channels.zalo.template-url", zaloApi.baseUrl() + ZALO_TEMPLATE);
        return properties;
    }

    @AfterAll
    void stopFakes() {
        botApi.close();
        zaloApi.close();
        zaloOauth.close();
    }

    @Test
    void aCitizenAsksForAReminderGivesTheBirthDateAndIsRemindedOnceBeforeTheDeadline() {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        JsonNode answer = answerOf(chat, "dang-ky-khai-sinh");
        assertThat(TelegramChat.buttonData(answer)).contains("rem:dang-ky-khai-sinh");

        chat.press("rem:dang-ky-khai-sinh", 0);
        chat.awaitText("bạn cho biết ngày sinh của bé (ngày/tháng/năm)");
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate born = today.minusDays(10);
        LocalDate deadline = born.plusDays(60);
        chat.say(day(born), chat.texts().size() + 1);
        JsonNode scheduled = chat.awaitText("Đã đặt nhắc hạn");
        assertThat(scheduled.path("text").asText())
                .contains("Hạn cuối là " + day(deadline) + " (còn 50 ngày)")
                .contains("nhắc bạn ngày " + day(deadline.minusDays(7)));
        assertThat(TelegramChat.buttonData(scheduled)).contains("rem:off");

        assertThat(sending.runOnce(deadline.minusDays(8))).as("not before the day").isZero();
        int before = chat.texts().size();
        sending.runOnce(deadline.minusDays(7));
        JsonNode reminder = chat.awaitText("Nhắc hạn: Đăng ký khai sinh");
        assertThat(reminder.path("text").asText()).contains("Hạn cuối là " + day(deadline) + " (còn 7 ngày)")
                .contains("«trong 60 ngày kể từ ngày sinh»");
        assertThat(TelegramChat.buttonData(reminder)).contains("topic:dang-ky-khai-sinh");
        sending.runOnce(deadline.minusDays(1));
        assertThat(chat.texts()).as("one reminder, once").hasSize(before + 1);
    }

    @Test
    void noReminderIsOfferedForAnEntryThatStatesNoDeadline() {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        JsonNode answer = answerOf(chat, "dang-ky-ket-hon");
        assertThat(TelegramChat.buttonData(answer)).noneMatch(data -> data.startsWith("rem:"));
        assertThat(chat.texts()).noneMatch(text -> text.contains("Nhắc tôi"));
    }

    @Test
    void aCitizenCancelsAndReceivesNothing() {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        answerOf(chat, "tro-cap-that-nghiep");
        chat.press("rem:tro-cap-that-nghiep", 0);
        chat.awaitText("ngày hợp đồng lao động chấm dứt");
        LocalDate ended = LocalDate.now(VIETNAM).minusDays(5);
        chat.say(day(ended), chat.texts().size() + 1);
        chat.awaitText("Đã đặt nhắc hạn cho «Hưởng trợ cấp thất nghiệp». Hạn cuối là " + day(ended.plusMonths(3)));

        chat.say("hủy nhắc", chat.texts().size() + 1);
        chat.awaitText("Đã hủy nhắc hạn.");
        int before = chat.texts().size();
        sending.runOnce(ended.plusMonths(3));
        assertThat(chat.texts()).hasSize(before);
    }

    @Test
    void aDeadlineAlreadyPassedIsSaidNotScheduled() {
        TelegramChat chat = new TelegramChat(http, botApi);
        chat.consent();
        answerOf(chat, "dang-ky-khai-sinh");
        chat.press("rem:dang-ky-khai-sinh", 0);
        chat.awaitText("ngày sinh của bé");
        LocalDate born = LocalDate.now(VIETNAM).minusDays(90);
        chat.say(day(born), chat.texts().size() + 1);
        chat.awaitText("Hạn cuối là " + day(born.plusDays(60)) + ", đã qua rồi.");
        assertThat(reminders.awaitingDate(SessionKeys.of(Channel.TELEGRAM, String.valueOf(chat.id)))).isEmpty();
    }

    @Test
    void zaloGetsTheReminderOnlyAsItsRulesAllow() {
        LocalDate deadline = LocalDate.now(VIETNAM).plusDays(30);
        String inWindow = zaloReminder(Duration.ofHours(5), deadline);
        String outsideNoTemplate = zaloReminder(Duration.ofDays(10), deadline);
        sending.runOnce(deadline.minusDays(7));
        assertThat(zaloApi.requests(ZALO_SEND, r -> r.body().contains(inWindow))).hasSize(1)
                .allSatisfy(r -> assertThat(r.body()).contains("Nhắc hạn: Đăng ký khai sinh"));
        assertThat(zaloApi.requests(ZALO_SEND, r -> r.body().contains(outsideNoTemplate))).isEmpty();
        assertThat(status(outsideNoTemplate)).isEqualTo("blocked/zalo_window");

        // With the province's approved reminder template, the follower outside the window gets it.
        String outsideWithTemplate = zaloReminder(Duration.ofDays(10), deadline);
        ZaloNotices template = new ZaloNotices(new OutreachZaloTemplates(null, null, "512345", null),
                new ProvinceClock(VIETNAM));
        new ReminderSending(reminders, knowledgeBase, channels, zaloWindow, template, messages,
                new ProvinceClock(VIETNAM), settings).runOnce(deadline.minusDays(7));
        List<FakeApiServer.Request> sent = zaloApi.requests(ZALO_TEMPLATE, r -> r.body().contains(outsideWithTemplate));
        assertThat(sent).hasSize(1);
        JsonNode body = json(sent.get(0).body());
        assertThat(body.path("template_id").asText()).isEqualTo("512345");
        assertThat(body.path("template_data").path("thu_tuc").asText()).isEqualTo("Đăng ký khai sinh");
        assertThat(body.path("template_data").path("han").asText()).isEqualTo(day(deadline));
        assertThat(status(outsideWithTemplate)).isEqualTo("sent/zalo_template");
    }

    @Test
    void theWebChatsCalendarFileFollowsOnlyADeadlineTheEntryStates() {
        LocalDate born = LocalDate.now(VIETNAM).minusDays(20);
        HttpResponse<String> calendar = http.toBlocking().exchange(
                "/api/v1/topics/dang-ky-khai-sinh/nhac-han.ics?tu=" + born, String.class);
        assertThat(calendar.getContentType().map(Object::toString).orElse("")).startsWith("text/calendar");
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:" + born.plusDays(60).format(DateTimeFormatter.BASIC_ISO_DATE))
                .contains("TRIGGER:-P7D");
        assertThat(calendar.body().lines()).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));
        assertRefused("/api/v1/topics/dang-ky-ket-hon/nhac-han.ics?tu=" + born, 404, "unknown_topic");
        assertRefused("/api/v1/topics/dang-ky-khai-sinh/nhac-han.ics?tu=31/12/2026", 400, "invalid_date");
        assertRefused("/api/v1/topics/dang-ky-khai-sinh/nhac-han.ics?tu=" + born.minusDays(70), 400, "reminder_passed");
    }

    private void assertRefused(String path, int status, String code) {
        try {
            http.toBlocking().exchange(path, String.class);
            throw new AssertionError("expected " + status + " for " + path);
        } catch (HttpClientResponseException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(status);
            assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"" + code + "\"");
        }
    }

    /**
     * Opens the topic with its button, as from a list of choices, and returns the message carrying the offers
     * under the answer ("Nhận thông báo" is offered under every answer to a chat not subscribed).
     */
    private JsonNode answerOf(TelegramChat chat, String topicId) {
        int before = chat.texts().size();
        chat.press("topic:" + topicId, before + 1);
        FakeApiServer.Request offers = botApi.await(TelegramChat.SEND, r -> r.body().contains("\"chat_id\":\"" + chat.id + "\"")
                && r.body().contains("sub:on"), 1).get(0);
        return json(offers.body());
    }

    /** A Zalo follower with consent who wrote {@code wrote} ago, with a reminder due 7 days before {@code deadline}. */
    private String zaloReminder(Duration wrote, LocalDate deadline) {
        String user = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_000_000_000_000L));
        String key = SessionKeys.of(Channel.ZALO, user);
        TestDatabase db = new TestDatabase(transactions);
        db.update("INSERT INTO channel_contact (session_key, channel, chat_id, updated_at) VALUES (?, 'zalo', ?, now())",
                key, user);
        db.update("INSERT INTO zalo_chat_window (session_key, last_message_at) VALUES (?, now() - make_interval(secs => ?))",
                key, (double) wrote.toSeconds());
        db.update("INSERT INTO reminder (session_key, channel, topic_id, deadline, remind_on, status, created_at) "
                + "VALUES (?, 'zalo', 'dang-ky-khai-sinh', ?, ?, 'scheduled', now())", key,
                java.sql.Date.valueOf(deadline), java.sql.Date.valueOf(deadline.minusDays(7)));
        return user;
    }

    private String status(String zaloUser) {
        return String.valueOf(new TestDatabase(transactions).column("SELECT status || '/' || coalesce(reason, '') "
                + "FROM reminder WHERE session_key = ?", SessionKeys.of(Channel.ZALO, zaloUser)).get(0));
    }

    private static String day(LocalDate day) {
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
