package vn.dvcassistant.app.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.channel.FakeApiServer.Request;
import vn.dvcassistant.app.channel.FakeApiServer.Response;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import vn.dvcassistant.app.agencies.AgencyChanges;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Telegram channel end to end: webhook in, the real Bot API client out to a local fake Bot API. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramChannelTest implements TestPropertyProvider {

    private static final String TOKEN = "123456789:AAE-test_token";
    private static final String SECRET = "dvc-secret_42";
    private static final String SEND = "/bot" + TOKEN + "/sendmessage";
    private static final String CALLBACK = "/bot" + TOKEN + "/answercallbackquery";
    private static final String SET_WEBHOOK = "/bot" + TOKEN + "/setWebhook";
    private static final String OK = """
            {"ok":true,"result":{"message_id":%d,"date":1763800000,"chat":{"id":1,"type":"private"},"text":"x"}}""";
    private static final String TOO_MANY = """
            {"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}""";

    private static final AtomicLong UPDATE_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000));

    private final FakeApiServer botApi = new FakeApiServer();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    CommentAnswerOutbox outbox;

    @Inject
    AgencyChanges agencyChanges;

    @Inject
    vn.dvcassistant.app.province.AgencyDirectory agencyDirectory;

    @Override
    public Map<String, String> getProperties() {
        botApi.on(SEND, new Response(200, OK.formatted(700)));
        botApi.on(CALLBACK, new Response(200, "{\"ok\":true,\"result\":true}"));
        botApi.on(SET_WEBHOOK, new Response(200, "{\"ok\":true,\"result\":true}"));
        Map<String, String> properties = new java.util.HashMap<>(FakeApiServer.freePortProperties());
        properties.putAll(Map.of(
                "channels.telegram.bot-token", TOKEN,
                "channels.telegram.webhook-secret", SECRET,
                "channels.telegram.bot-username", "dvc_tro_ly_bot",
                "channels.telegram.webhook-url", "https://dvc.example.vn/webhooks/telegram",
                "channels.telegram.api-url", botApi.baseUrl(),
                "channels.telegram.retry-initial-backoff", "20ms",
                "channels.telegram.retry-max-backoff", "80ms"));
        return properties;
    }

    @AfterAll
    void stopFake() {
        botApi.close();
    }

    @Test
    void registersTheWebhookWithItsSecretOnStart() {
        Request setWebhook = botApi.await(SET_WEBHOOK, r -> true, 1).get(0);
        assertThat(setWebhook.body()).contains("https://dvc.example.vn/webhooks/telegram").contains(SECRET);
    }

    @Test
    void textUpdateGetsTheAnswerInHtmlWithRatingButtonsAndNoChatIdIsStoredBeforeConsent() throws Exception {
        long chat = newChatId();
        assertThat(post(privateText(nextUpdateId(), chat, "Làm căn cước cần giấy tờ gì?"), SECRET).code()).isEqualTo(200);

        List<JsonNode> sent = sentTo(chat, 2);
        JsonNode notice = sent.get(0);
        assertThat(notice.path("text").asText()).contains("trợ lý tự động").contains("đồng ý");
        assertThat(buttonData(notice)).containsExactly("consent:yes", "consent:no");

        JsonNode answer = sent.get(1);
        assertThat(answer.path("parse_mode").asText()).isEqualTo("HTML");
        assertThat(answer.path("text").asText()).containsIgnoringCase("căn cước").contains("<b>");
        List<String> buttons = buttonData(answer);
        assertThat(buttons.get(0)).startsWith("rate:up:");
        assertThat(buttons.get(1)).startsWith("rate:down:");
        UUID exchangeId = UUID.fromString(buttons.get(0).substring("rate:up:".length()));
        TestDatabase db = new TestDatabase(transactions);
        assertThat(db.count("SELECT count(*) FROM exchange WHERE id = ? AND channel = 'telegram' AND kind = 'answer'",
                exchangeId)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM channel_contact WHERE chat_id = ?", String.valueOf(chat))).isZero();
    }

    @Test
    void aShortAnswerOffersItsPartsAndAPartButtonAnswersThatPartOnly() throws Exception {
        long chat = newChatId();
        post(privateText(nextUpdateId(), chat, "đăng ký kết hôn"), SECRET);
        List<JsonNode> sent = sentTo(chat, 4); // notice, short answer, parts, satisfaction offer
        JsonNode menu = sent.stream().filter(m -> m.path("text").asText().equals("Xem từng phần:")).findFirst()
                .orElseThrow();
        assertThat(buttonData(menu)).containsExactly("part:steps:dang-ky-ket-hon", "part:documents:dang-ky-ket-hon",
                "part:fee:dang-ky-ket-hon", "part:time:dang-ky-ket-hon", "part:authority:dang-ky-ket-hon");
        assertThat(sent.get(1).path("text").asText()).doesNotContain("Giấy tờ cần chuẩn bị");

        String callbackId = "cb-" + UUID.randomUUID();
        assertThat(post(callback(nextUpdateId(), chat, callbackId, "part:documents:dang-ky-ket-hon"), SECRET).code())
                .isEqualTo(200);

        JsonNode part = sentTo(chat, 5).stream()
                .filter(m -> m.path("text").asText().contains("Giấy tờ cần chuẩn bị")).findFirst().orElseThrow();
        assertThat(part.path("text").asText()).contains("Đăng ký kết hôn").doesNotContain("Các bước");
    }

    @Test
    void ratingButtonIsAcknowledgedAndTheRatingStored() throws Exception {
        long chat = newChatId();
        post(privateText(nextUpdateId(), chat, "lệ phí đăng ký kết hôn"), SECRET);
        UUID exchangeId = UUID.fromString(buttonData(sentTo(chat, 2).get(1)).get(1).substring("rate:down:".length()));

        String callbackId = "cb-" + UUID.randomUUID();
        assertThat(post(callback(nextUpdateId(), chat, callbackId, "rate:down:" + exchangeId), SECRET).code())
                .isEqualTo(200);

        Request ack = botApi.await(CALLBACK, r -> r.body().contains(callbackId), 1).get(0);
        assertThat(json.readTree(ack.body()).path("text").asText()).isEqualTo("Cảm ơn bạn đã đánh giá câu trả lời.");
        TestDatabase db = new TestDatabase(transactions);
        assertThat(db.column("SELECT helpful FROM answer_rating WHERE message_id = ? AND channel = 'telegram'",
                exchangeId)).containsExactly(false);
        // Not helpful: an apology with the hotline follows. The answer's satisfaction offer is sent on its
        // own, so a press as quick as this one may come before or after it.
        assertThat(sentTo(chat, 5).subList(2, 5)).anySatisfy(m -> assertThat(m.path("text").asText()).contains("18001096"));
    }

    @Test
    void aProcedureAnswerAsksWhetherTheCitizenDidItThenTheLevelThenTheAgencyAndStoresOneRating() throws Exception {
        long chat = newChatId();
        TestDatabase db = new TestDatabase(transactions);
        long before = telegramRatings(db, "dang-ky-khai-sinh");
        post(privateText(nextUpdateId(), chat, "đăng ký khai sinh"), SECRET);

        List<JsonNode> sent = sentTo(chat, 4); // notice, short answer, its parts, the offer
        assertThat(sent.get(1).path("text").asText()).containsIgnoringCase("khai sinh");
        assertThat(buttonData(sent.get(1)).get(0)).startsWith("rate:up:");
        JsonNode offer = sent.get(3);
        assertThat(offer.path("text").asText()).isEqualTo("Bạn đã làm thủ tục «Đăng ký khai sinh» chưa? "
                + "Nếu đã làm, bạn hãy đánh giá mức độ hài lòng.");
        assertThat(buttonData(offer)).containsExactly("did:y:dang-ky-khai-sinh", "did:n:dang-ky-khai-sinh");
        assertThat(buttonLabels(offer)).containsExactly("Tôi đã làm thủ tục này", "Chưa làm");

        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "did:y:dang-ky-khai-sinh"), SECRET);
        JsonNode levels = sentTo(chat, 5).get(4);
        assertThat(levels.path("text").asText()).isEqualTo("Bạn đánh giá thế nào về thủ tục «Đăng ký khai sinh»? "
                + "Hãy chọn một mức dưới đây.");
        assertThat(buttonData(levels)).containsExactly("sat:rat_hai_long:dang-ky-khai-sinh",
                "sat:hai_long:dang-ky-khai-sinh", "sat:khong_hai_long:dang-ky-khai-sinh");
        assertThat(buttonLabels(levels)).containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");

        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "sat:hai_long:dang-ky-khai-sinh"), SECRET);
        JsonNode where = sentTo(chat, 6).get(5);
        assertThat(where.path("text").asText()).isEqualTo("Bạn đã làm thủ tục ở cơ quan nào?");
        // Birth registration is done at the commune: the commune comes first; "Không nhớ" is always last.
        assertThat(buttonData(where)).startsWith("sa:2:dang-ky-khai-sinh:UBND-XA")
                .contains("sa:2:dang-ky-khai-sinh:SO-TP").endsWith("sa:2:dang-ky-khai-sinh:-");
        assertThat(buttonLabels(where)).startsWith("Ủy ban nhân dân cấp xã").endsWith("Không nhớ");
        assertThat(telegramRatings(db, "dang-ky-khai-sinh")).as("nothing stored before the last step").isEqualTo(before);

        String first = "cb-" + UUID.randomUUID();
        post(callback(nextUpdateId(), chat, first, "sa:2:dang-ky-khai-sinh:UBND-XA"), SECRET);
        String thanks = sentTo(chat, 7).get(6).path("text").asText();
        assertThat(thanks).contains("Cảm ơn bạn đã đánh giá thủ tục «Đăng ký khai sinh»").contains("góp ý");
        botApi.await(CALLBACK, r -> r.body().contains(first), 1);
        assertThat(telegramRatings(db, "dang-ky-khai-sinh")).isEqualTo(before + 1);
        assertThat(db.column("""
                SELECT field || '/' || level || '/' || satisfied || '/' || agency || '/' || coalesce(comment, '-')
                FROM satisfaction_rating WHERE topic_id = 'dang-ky-khai-sinh' AND channel = 'telegram'
                ORDER BY id DESC LIMIT 1""")).containsExactly("ho-tich/hai_long/true/UBND-XA/-");

        // A second press (another level or agency, or the same button again) does not count twice.
        String second = "cb-" + UUID.randomUUID();
        post(callback(nextUpdateId(), chat, second, "sa:3:dang-ky-khai-sinh:-"), SECRET);
        assertThat(callbackText(second)).isEqualTo("Bạn đã đánh giá thủ tục này rồi. "
                + "Mỗi thủ tục chỉ được ghi nhận một lần. Cảm ơn bạn.");
        assertThat(telegramRatings(db, "dang-ky-khai-sinh")).isEqualTo(before + 1);

        // Asked again in the same conversation: the answer, but no second offer.
        post(privateText(nextUpdateId(), chat, "đăng ký khai sinh"), SECRET);
        JsonNode again = sentTo(chat, 9).get(7);
        assertThat(again.path("text").asText()).containsIgnoringCase("khai sinh");
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        List<JsonNode> all = sentTo(chat, 9);
        assertThat(all).hasSize(9);
        assertThat(all.subList(7, 9)).allSatisfy(m -> assertThat(buttonData(m)).noneMatch(data -> data.startsWith("did:")));
    }

    @Test
    void withTheCommunesLoadedTheCitizenTypesTheirCommuneAndTheRatingCarriesItsAgency() throws Exception {
        String p = "TG" + UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
        // On another thread: this class's test methods run in a transaction, and the channel's workers must see them.
        java.util.concurrent.CompletableFuture.runAsync(() -> agencyChanges.apply(List.of(
                new AgencyChanges.Row(2, new AgencyDraft(p + "PL", "UBND phường Phủ Lý", null, AgencyKind.COMMUNE_COMMITTEE, Set.of())),
                new AgencyChanges.Row(3, new AgencyDraft(p + "PLB", "UBND phường Phủ Lý Bắc", null, AgencyKind.COMMUNE_COMMITTEE, Set.of())),
                new AgencyChanges.Row(4, new AgencyDraft(p + "KB", "UBND xã Kim Bảng", null, AgencyKind.COMMUNE_COMMITTEE, Set.of()))),
                List.of(), "test")).join();
        try {
            long chat = newChatId();
            TestDatabase db = new TestDatabase(transactions);
            post(privateText(nextUpdateId(), chat, "đăng ký khai sinh"), SECRET);
            sentTo(chat, 4);
            post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "did:y:dang-ky-khai-sinh"), SECRET);
            sentTo(chat, 5);
            post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "sat:rat_hai_long:dang-ky-khai-sinh"), SECRET);
            JsonNode where = sentTo(chat, 6).get(5);
            // Many communes: the kind is offered, not one commune picked at random.
            assertThat(buttonData(where)).startsWith("sk:1:dang-ky-khai-sinh:ubnd-xa").endsWith("sa:1:dang-ky-khai-sinh:-");
            assertThat(buttonLabels(where)).startsWith("UBND xã/phường");

            post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "sk:1:dang-ky-khai-sinh:ubnd-xa"), SECRET);
            JsonNode ask = sentTo(chat, 7).get(6);
            assertThat(ask.path("text").asText()).isEqualTo("Bạn làm thủ tục ở xã, phường nào? Hãy gõ tên xã, phường (ví dụ: Phủ Lý).");

            post(privateText(nextUpdateId(), chat, "hà nội xa lắm"), SECRET);
            JsonNode none = sentTo(chat, 8).get(7);
            assertThat(none.path("text").asText()).startsWith("Chưa tìm thấy xã, phường này");
            assertThat(buttonData(none)).containsExactly("sa:1:dang-ky-khai-sinh:-");

            post(privateText(nextUpdateId(), chat, "phu ly"), SECRET);
            JsonNode matches = sentTo(chat, 9).get(8);
            assertThat(buttonData(matches)).as("typed without diacritics, the exact name first")
                    .containsExactly("sa:1:dang-ky-khai-sinh:" + p + "PL", "sa:1:dang-ky-khai-sinh:" + p + "PLB",
                            "sa:1:dang-ky-khai-sinh:-");
            assertThat(buttonLabels(matches)).startsWith("UBND phường Phủ Lý", "UBND phường Phủ Lý Bắc");

            post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "sa:1:dang-ky-khai-sinh:" + p + "PL"), SECRET);
            assertThat(sentTo(chat, 10).get(9).path("text").asText()).contains("Cảm ơn bạn đã đánh giá");
            assertThat(db.column("""
                    SELECT agency FROM satisfaction_rating WHERE topic_id = 'dang-ky-khai-sinh' AND channel = 'telegram'
                    ORDER BY id DESC LIMIT 1""")).containsExactly(p + "PL");

            // The question is closed: the next message is a question to the assistant again.
            post(privateText(nextUpdateId(), chat, "đăng ký kết hôn"), SECRET);
            assertThat(sentTo(chat, 11).get(10).path("text").asText()).doesNotContain("Chưa tìm thấy xã");
        } finally {
            java.util.concurrent.CompletableFuture.runAsync(
                    () -> vn.dvcassistant.app.province.AgencyTestData.retire(transactions, agencyDirectory, p)).join();
        }
    }

    @Test
    void notYetRecordsNothingAndARatingWithoutAnAgencyIsStillCounted() throws Exception {
        long chat = newChatId();
        TestDatabase db = new TestDatabase(transactions);
        long before = telegramRatings(db, "dang-ky-ket-hon");
        post(privateText(nextUpdateId(), chat, "đăng ký kết hôn cần giấy tờ gì"), SECRET);
        assertThat(buttonData(sentTo(chat, 4).get(3))).contains("did:n:dang-ky-ket-hon");

        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "did:n:dang-ky-ket-hon"), SECRET);
        JsonNode notYet = sentTo(chat, 5).get(4);
        assertThat(notYet.path("text").asText()).startsWith("Cảm ơn bạn. Khi đã làm xong thủ tục");
        assertThat(buttonData(notYet)).isEmpty();
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        assertThat(telegramRatings(db, "dang-ky-ket-hon")).isEqualTo(before);

        // Having done it after all, the same offer still works; "Không nhớ" stores the rating with no agency.
        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "sa:3:dang-ky-ket-hon:-"), SECRET);
        sentTo(chat, 6);
        assertThat(db.column("""
                SELECT level || '/' || agency || '/' FROM satisfaction_rating
                WHERE topic_id = 'dang-ky-ket-hon' AND channel = 'telegram' ORDER BY id DESC LIMIT 1"""))
                .containsExactly("khong_hai_long//");
        assertThat(telegramRatings(db, "dang-ky-ket-hon")).isEqualTo(before + 1);
    }

    @Test
    void portalHelpGetsNoSatisfactionOffer() {
        long chat = newChatId();
        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "topic:nop-ho-so-truc-tuyen"), SECRET);
        List<JsonNode> sent = sentTo(chat, 3);
        assertThat(buttonData(sent.get(1)).get(0)).startsWith("rate:up:");
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        assertThat(sentTo(chat, 3)).hasSize(3)
                .allSatisfy(m -> assertThat(buttonData(m)).noneMatch(data -> data.startsWith("did:")));
    }

    @Test
    void forgedOrStaleSatisfactionButtonsAreAnsweredAndStoreNothing() throws Exception {
        long chat = newChatId();
        post(privateText(nextUpdateId(), chat, "lệ phí đăng ký kết hôn"), SECRET);
        assertThat(buttonData(sentTo(chat, 4).get(3))).contains("did:y:dang-ky-ket-hon");
        TestDatabase db = new TestDatabase(transactions);
        long total = db.count("SELECT count(*) FROM satisfaction_rating");

        String stale = "Nút này đã cũ. Bạn hãy gõ câu hỏi nhé.";
        Map<String, String> expected = Map.of(
                "sa:2:khong-co-thu-tuc-nay:-", "Không tìm thấy chủ đề này.",
                "sat:tuyet_voi:dang-ky-ket-hon", stale,
                "sa:9:dang-ky-ket-hon:-", stale,
                "sa:2::-", stale,
                "sa:2:dang-ky-ket-hon:SO-KHONG-CO", "Không tìm thấy cơ quan này.",
                // A real procedure, but never offered in this conversation.
                "sa:1:dang-ky-khai-sinh:-", stale);
        for (Map.Entry<String, String> press : expected.entrySet()) {
            String id = "cb-" + UUID.randomUUID();
            assertThat(post(callback(nextUpdateId(), chat, id, press.getKey()), SECRET).code()).isEqualTo(200);
            assertThat(callbackText(id)).as(press.getKey()).isEqualTo(press.getValue());
        }
        // Another chat cannot use this chat's offer either.
        String id = "cb-" + UUID.randomUUID();
        post(callback(nextUpdateId(), newChatId(), id, "sa:2:dang-ky-ket-hon:-"), SECRET);
        assertThat(callbackText(id)).isEqualTo(stale);
        assertThat(db.count("SELECT count(*) FROM satisfaction_rating")).isEqualTo(total);
    }

    private static long telegramRatings(TestDatabase db, String topicId) {
        return db.count("SELECT count(*) FROM satisfaction_rating WHERE topic_id = ? AND channel = 'telegram'", topicId);
    }

    private String callbackText(String callbackId) throws Exception {
        Request ack = botApi.await(CALLBACK, r -> r.body().contains(callbackId), 1).get(0);
        return json.readTree(ack.body()).path("text").asText();
    }

    @Test
    void wrongOrMissingSecretIsRefusedAndNothingIsStored() {
        long chat = newChatId();
        long updateId = nextUpdateId();
        HttpClientResponseException wrong = catchThrowableOfType(
                () -> post(privateText(updateId, chat, "xin chào"), "not-the-secret"), HttpClientResponseException.class);
        assertThat(wrong.getStatus().getCode()).isEqualTo(403);
        assertThat(wrong.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "webhook_secret_invalid");

        HttpClientResponseException missing = catchThrowableOfType(
                () -> post(privateText(updateId, chat, "xin chào"), null), HttpClientResponseException.class);
        assertThat(missing.getStatus().getCode()).isEqualTo(401);
        assertThat(missing.getResponse().getBody(Map.class).orElseThrow()).containsEntry("error", "webhook_secret_missing");

        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        TestDatabase db = new TestDatabase(transactions);
        assertThat(db.count("SELECT count(*) FROM channel_delivery WHERE channel = 'telegram' AND delivery_id = ?",
                String.valueOf(updateId))).isZero();
        assertThat(botApi.requests(SEND, r -> r.body().contains(String.valueOf(chat)))).isEmpty();
    }

    @Test
    void aRedeliveredUpdateIsAnsweredOnce() {
        long chat = newChatId();
        String update = sticker(nextUpdateId(), chat);
        post(update, SECRET);
        post(update, SECRET);
        post(update, SECRET);

        sentTo(chat, 1);
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        assertThat(botApi.requests(SEND, r -> r.body().contains(String.valueOf(chat)))).hasSize(1);
    }

    @Test
    void stickerGetsThePoliteTextOnlyReply() {
        long chat = newChatId();
        post(sticker(nextUpdateId(), chat), SECRET);
        assertThat(sentTo(chat, 1).get(0).path("text").asText()).contains("chỉ hiểu câu hỏi gõ bằng chữ");
    }

    @Test
    void groupMessagesAreAnsweredOnlyWhenTheBotIsMentioned() {
        long group = -newChatId();
        post(groupText(nextUpdateId(), group, "mọi người ơi làm căn cước ở đâu", false), SECRET);
        post(groupText(nextUpdateId(), group, "@dvc_tro_ly_bot làm căn cước ở đâu", true), SECRET);

        List<JsonNode> sent = sentTo(group, 2);
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        // Notice, answer and its parts; a group gets no satisfaction offer (it would nag every member).
        assertThat(botApi.requests(SEND, r -> r.body().contains(String.valueOf(group)))).hasSize(3);
        assertThat(sent.get(1).path("text").asText()).containsIgnoringCase("căn cước");
    }

    @Test
    void startShowsTheNoticeConsentButtonsAndTopicsAndConsentKeepsTheChatIdUntilWithdrawn() {
        long chat = newChatId();
        post(privateText(nextUpdateId(), chat, "/start"), SECRET);
        List<JsonNode> sent = sentTo(chat, 2);
        assertThat(sent.get(0).path("text").asText()).contains("trợ lý tự động");
        assertThat(buttonData(sent.get(0))).containsExactly("consent:yes", "consent:no");
        assertThat(buttonData(sent.get(1))).isNotEmpty().allMatch(data -> data.startsWith("topic:"));

        TestDatabase db = new TestDatabase(transactions);
        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "consent:yes"), SECRET);
        assertThat(sentTo(chat, 3).get(2).path("text").asText()).contains("Cảm ơn bạn đã đồng ý");
        assertThat(db.count("SELECT count(*) FROM channel_contact WHERE chat_id = ?", String.valueOf(chat))).isEqualTo(1);

        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "consent:no"), SECRET);
        assertThat(sentTo(chat, 4).get(3).path("text").asText()).contains("không lưu");
        assertThat(db.count("SELECT count(*) FROM channel_contact WHERE chat_id = ?", String.valueOf(chat))).isZero();
    }

    @Test
    void topicButtonIsAnswered() {
        long chat = newChatId();
        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "topic:dang-ky-khai-sinh"), SECRET);
        List<JsonNode> sent = sentTo(chat, 2);
        assertThat(sent.get(1).path("text").asText()).containsIgnoringCase("khai sinh");
        assertThat(buttonData(sent.get(1)).get(0)).startsWith("rate:up:");
    }

    @Test
    void a429IsRetriedAfterTelegramsRetryAfterAndHealthShowsTheLastSend() {
        long chat = newChatId();
        botApi.on(SEND, new Response(429, TOO_MANY), new Response(200, OK.formatted(701)));
        try {
            post(sticker(nextUpdateId(), chat), SECRET);
            List<Request> calls = botApi.await(SEND, r -> r.body().contains(String.valueOf(chat)), 2);
            assertThat(calls).hasSize(2);
        } finally {
            botApi.on(SEND, new Response(200, OK.formatted(700)));
        }
        ChannelIdle.await(channelStatus, vn.dvcassistant.channel.Channel.TELEGRAM);
        Map<?, ?> telegram = channelHealth("telegram");
        assertThat(telegram.get("enabled")).isEqualTo(true);
        assertThat(telegram.get("mode")).isEqualTo("webhook");
        assertThat(telegram.get("lastSendSucceeded")).isEqualTo(true);
        assertThat(channelHealth("zalo").get("enabled")).isEqualTo(false);
    }

    @Test
    void aMessageThatFinallyFailsIsRecordedWithTheReason() {
        long chat = newChatId();
        long updateId = nextUpdateId();
        botApi.on(SEND, new Response(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));
        TestDatabase db = new TestDatabase(transactions);
        long failedBefore = ((Number) channelHealth("telegram").get("failed")).longValue();
        try {
            post(sticker(updateId, chat), SECRET);
            botApi.await(SEND, r -> r.body().contains(String.valueOf(chat)), 1);
            long deadline = System.currentTimeMillis() + 5000;
            while (db.count("SELECT count(*) FROM channel_send_failure WHERE delivery_id = ?", String.valueOf(updateId)) == 0
                    && System.currentTimeMillis() < deadline) {
                FakeApiServer.sleep(20);
            }
        } finally {
            botApi.on(SEND, new Response(200, OK.formatted(700)));
        }
        assertThat(db.column("SELECT reason FROM channel_send_failure WHERE channel = 'telegram' AND delivery_id = ?",
                String.valueOf(updateId))).singleElement().asString().contains("chat not found");
        // Counted rather than read from lastSendSucceeded: other tests' calls to the shared fake (callback
        // answers, the comment outbox) may succeed in between and rightly turn the last status back.
        assertThat(((Number) channelHealth("telegram").get("failed")).longValue()).isGreaterThan(failedBefore);
    }

    @Test
    void commentAnswersInTheOutboxAreSentOnce() {
        long chat = newChatId();
        TestDatabase db = new TestDatabase(transactions);
        long commentId = ((Number) db.column("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, reply_to, status, received_at,
                    reject_due, info_due, answer_due, updated_at)
                VALUES (?, 'telegram', 'ho-tich', 'SO-TP', 'Góp ý', TRUE, ?, 'answered', now(), current_date,
                    current_date, current_date, now()) RETURNING id""",
                "GY-" + (chat % 1_000_000), String.valueOf(chat)).get(0)).longValue();
        db.update("INSERT INTO comment_reply_outbox (comment_id, channel, recipient, text, created_at) "
                + "VALUES (?, 'telegram', ?, 'Trả lời góp ý của bạn: đã xử lý.', now())", commentId, String.valueOf(chat));

        assertThat(outbox.send(vn.dvcassistant.channel.Channel.TELEGRAM, telegramSender())).isGreaterThanOrEqualTo(1);
        outbox.send(vn.dvcassistant.channel.Channel.TELEGRAM, telegramSender());

        assertThat(sentTo(chat, 1).get(0).path("text").asText()).contains("đã xử lý");
        assertThat(botApi.requests(SEND, r -> r.body().contains(String.valueOf(chat)))).hasSize(1);
        assertThat(db.count("SELECT count(*) FROM comment_reply_outbox WHERE comment_id = ? AND sent_at IS NOT NULL",
                commentId)).isEqualTo(1);
    }

    @Inject
    vn.dvcassistant.app.comments.CommentService comments;

    @Test
    void theHandoffButtonUnderAFallbackGivesACodeAndTheStaffAnswerComesBackInTheChat() throws Exception {
        long chat = newChatId();
        post(privateText(nextUpdateId(), chat, "/start"), SECRET);
        sentTo(chat, 2);
        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "consent:yes"), SECRET);
        sentTo(chat, 3);

        post(privateText(nextUpdateId(), chat, "máy bay trực thăng giá bao nhiêu ở sao Hỏa"), SECRET);
        JsonNode fallback = sentTo(chat, 4).get(3);
        assertThat(fallback.path("text").asText()).contains("18001096");
        assertThat(buttonData(fallback)).endsWith("handoff");
        assertThat(buttonLabels(fallback)).endsWith("Chuyển câu hỏi cho cán bộ");

        post(callback(nextUpdateId(), chat, "cb-" + UUID.randomUUID(), "handoff"), SECRET);
        String confirmation = sentTo(chat, 5).get(4).path("text").asText();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("GY-[A-Z0-9]{6}").matcher(confirmation);
        assertThat(code.find()).as(confirmation).isTrue();
        assertThat(confirmation).contains("đã chuyển câu hỏi").contains("gửi vào cuộc trò chuyện này")
                .contains("/gop-y/tra-cuu?ma=" + code.group());
        assertThat(comments.find(code.group()).orElseThrow().kind()).isEqualTo("question");

        comments.startHandling(code.group(), "can-bo-vp");
        comments.answer(code.group(), "can-bo-vp", "Việc này không thuộc dịch vụ công của tỉnh.");
        outbox.send(vn.dvcassistant.channel.Channel.TELEGRAM, telegramSender());
        Request answer = botApi.await(SEND, r -> r.body().contains("\"chat_id\":\"" + chat + "\"")
                && r.body().contains("không thuộc dịch vụ công"), 1).get(0);
        assertThat(json.readTree(answer.body()).path("text").asText())
                .startsWith("Trả lời câu hỏi " + code.group() + " của bạn từ ");
    }

    @Inject
    vn.dvcassistant.app.channel.telegram.TelegramChannel telegramChannel;

    private java.util.Optional<vn.dvcassistant.channel.telegram.TelegramSender> telegramSender() {
        return telegramChannel.sender();
    }

    @Inject
    ChannelStatus channelStatus;

    /** What /health shows an admin for the channel (anonymous callers see only UP or DOWN). */
    private Map<?, ?> channelHealth(String channel) {
        return channelStatus.details("zalo".equals(channel)
                ? vn.dvcassistant.channel.Channel.ZALO : vn.dvcassistant.channel.Channel.TELEGRAM);
    }

    private List<JsonNode> sentTo(long chat, int count) {
        List<Request> requests = botApi.await(SEND, r -> r.body().contains("\"chat_id\":\"" + chat + "\""), count);
        List<JsonNode> bodies = new ArrayList<>();
        for (Request request : requests) {
            try {
                bodies.add(json.readTree(request.body()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return bodies;
    }

    private static List<String> buttonData(JsonNode message) {
        List<String> data = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> data.add(button.path("callback_data").asText())));
        return data;
    }

    private static List<String> buttonLabels(JsonNode message) {
        List<String> labels = new ArrayList<>();
        message.path("reply_markup").path("inline_keyboard")
                .forEach(row -> row.forEach(button -> labels.add(button.path("text").asText())));
        return labels;
    }

    private HttpResponse<?> post(String update, String secret) {
        var request = HttpRequest.POST("/webhooks/telegram", update).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return http.toBlocking().exchange(request);
    }

    private static long nextUpdateId() {
        return UPDATE_IDS.incrementAndGet();
    }

    private static long newChatId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static String privateText(long updateId, long chat, String text) {
        return """
                {"update_id":%d,"message":{"message_id":1,"date":1763800000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                 "chat":{"id":%d,"first_name":"Lan","type":"private"},"text":"%s"}}"""
                .formatted(updateId, chat, chat, text);
    }

    private static String sticker(long updateId, long chat) {
        return """
                {"update_id":%d,"message":{"message_id":2,"date":1763800000,
                 "from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                 "chat":{"id":%d,"first_name":"Lan","type":"private"},
                 "sticker":{"file_id":"CAAC","file_unique_id":"AgAD","type":"regular","width":512,"height":512,
                  "is_animated":false,"is_video":false}}}"""
                .formatted(updateId, chat, chat);
    }

    private static String groupText(long updateId, long group, String text, boolean mention) {
        String entities = mention ? ",\"entities\":[{\"type\":\"mention\",\"offset\":0,\"length\":15}]" : "";
        return """
                {"update_id":%d,"message":{"message_id":3,"date":1763800000,
                 "from":{"id":5012345678,"is_bot":false,"first_name":"Minh"},
                 "chat":{"id":%d,"title":"Tổ dân phố 5","type":"supergroup"},"text":"%s"%s}}"""
                .formatted(updateId, group, text, entities);
    }

    private static String callback(long updateId, long chat, String callbackId, String data) {
        return """
                {"update_id":%d,"callback_query":{"id":"%s","from":{"id":%d,"is_bot":false,"first_name":"Lan"},
                 "message":{"message_id":413,"date":1763800005,"chat":{"id":%d,"type":"private"},
                  "from":{"id":123456789,"is_bot":true,"first_name":"Trợ lý"},"text":"..."},
                 "chat_instance":"-63","data":"%s"}}"""
                .formatted(updateId, callbackId, chat, chat, data);
    }
}
