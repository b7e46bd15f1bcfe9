package vn.dvcassistant.app.conversation;

import vn.dvcassistant.app.satisfaction.RatingOffers;
import vn.dvcassistant.app.satisfaction.SatisfactionWriter;
import vn.dvcassistant.channel.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

// Not in a test transaction: the engine commits as in production, so other threads see its sessions.
@MicronautTest(transactional = false)
class ChatCommentAndSatisfactionTest {

    private static final Pattern CODE = Pattern.compile("GY-[A-Z0-9]{6}");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SessionRepository sessions;

    @Inject
    CommentService comments;

    @Inject
    ConversationEngine engine;

    @Inject
    SatisfactionOffers offers;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    SatisfactionWriter writer;

    @Test
    void typedCommentAfterGopYIsSubmittedAndItsCodeCanBeTracked() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.pick(session, "Đăng ký khai sinh", "dang-ky-khai-sinh");

        Map<String, Object> asked = chat.say(session, "Góp ý");
        assertThat((String) asked.get("answer")).contains("tin nhắn tiếp theo");
        assertThat(sessions.findById(SessionKeys.of(Channel.WEB, session)).orElseThrow().awaitingComment())
                .as("the pending comment is stored in the session row").isTrue();

        // Says nothing of a procedure ("số điện thoại" would be read as the VNeID account topic): the last topic decides.
        Map<String, Object> done = chat.say(session, "Cán bộ xã hẹn tôi ba lần, gọi tôi 0912345678");
        String answer = (String) done.get("answer");
        Matcher code = CODE.matcher(answer);
        assertThat(code.find()).as(answer).isTrue();
        assertThat(done.get("commentCode")).isEqualTo(code.group());
        assertThat(answer).as("the tracking page, relative in the web chat while DVC_PUBLIC_URL is unset")
                .contains(" /gop-y/tra-cuu?ma=" + code.group()).doesNotContain("localhost");
        assertThat(sessions.findById(SessionKeys.of(Channel.WEB, session)).orElseThrow().awaitingComment()).isFalse();

        Map<?, ?> tracked = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/comments/" + code.group()), Map.class);
        assertThat(tracked.get("code")).isEqualTo(code.group());
        assertThat(tracked.get("field")).as("field of the last topic").isEqualTo("ho-tich");

        CitizenComment stored = comments.find(code.group()).orElseThrow();
        assertThat(stored.channel()).isEqualTo("web");
        assertThat(stored.consent()).as("no consent was given in this session").isFalse();
        assertThat(stored.replyTo()).isNull();
        assertThat(stored.text()).doesNotContain("0912345678");

        Map<String, Object> next = chat.say(session, "Góp ý thêm");
        assertThat(next.get("commentCode")).as("only the one message after góp ý is a comment").isNull();
    }

    @Test
    void telegramCommentKeepsTheChatToAnswerOnlyWithConsent() {
        String withConsent = "7001" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        telegram(withConsent, "đồng ý");
        telegram(withConsent, "gop y");
        String code = telegram(withConsent, "Trang nộp hồ sơ hay bị lỗi").commentCode();
        CitizenComment stored = comments.find(code).orElseThrow();
        assertThat(stored.channel()).isEqualTo("telegram");
        assertThat(stored.consent()).isTrue();
        assertThat(stored.replyTo()).isEqualTo(withConsent);

        String without = "7002" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        telegram(without, "phản ánh");
        CitizenComment anonymous = comments.find(telegram(without, "Trang nộp hồ sơ hay bị lỗi").commentCode())
                .orElseThrow();
        assertThat(anonymous.consent()).isFalse();
        assertThat(anonymous.replyTo()).isNull();
    }

    @Test
    void cancellingTheCommentSubmitsNothing() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "gop y");
        Map<String, Object> cancelled = chat.say(session, "hủy");
        assertThat(cancelled.get("commentCode")).isNull();
        assertThat((String) cancelled.get("answer")).contains("Đã hủy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void procedureAnswerOffersTheOfficialSatisfactionLevelsButPortalHelpDoesNot() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();

        Map<String, Object> procedure = chat.pick(session, "Đăng ký khai sinh", "dang-ky-khai-sinh");
        Map<String, Object> prompt = (Map<String, Object>) procedure.get("satisfactionPrompt");
        assertThat(prompt).isNotNull();
        assertThat(prompt.get("topicId")).isEqualTo("dang-ky-khai-sinh");
        List<String> levels = (List<String>) prompt.get("levels");
        assertThat(levels).containsExactly("rat_hai_long", "hai_long", "khong_hai_long");
        // Where birth registration is done: the commune first (the procedure's authority level).
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) prompt.get("agencies");
        assertThat(agencies).extracting(a -> a.get("code")).startsWith("UBND-XA").contains("SO-TP")
                .doesNotContain("SO-NNMT");

        HttpResponse<Map> rated = http.toBlocking().exchange(HttpRequest.POST("/api/v1/satisfaction",
                Map.of("topicId", prompt.get("topicId"), "level", levels.get(1), "channel", "web",
                        "sessionId", session, "agency", "UBND-XA"))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        assertThat(rated.code()).isEqualTo(201);

        Map<String, Object> again = chat.say(session, "thủ tục đăng ký khai sinh cần giấy tờ gì");
        assertThat(((List<Map<String, Object>>) again.get("sources")).get(0).get("id")).isEqualTo("dang-ky-khai-sinh");
        assertThat(again.get("satisfactionPrompt")).as("offered once per procedure and conversation").isNull();
        Map<String, Object> otherSession = chat.pick(UUID.randomUUID().toString(), "Đăng ký khai sinh",
                "dang-ky-khai-sinh");
        assertThat(otherSession.get("satisfactionPrompt")).isNotNull();

        Map<String, Object> portal = chat.pick(session, "Nộp hồ sơ trực tuyến", "nop-ho-so-truc-tuyen");
        assertThat(((List<Map<String, Object>>) portal.get("sources")).get(0).get("field")).isEqualTo("dvc-chung");
        assertThat(portal.get("satisfactionPrompt")).isNull();
    }

    @Test
    void aChatOfferCountsOnceEvenWhenPressedManyTimesAtOnceAndStaysUnclaimedWhenTheRatingFails() throws Exception {
        String chat = "7003" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        engine.handle(new IncomingMessage(Channel.TELEGRAM, chat, "Đăng ký kết hôn", "dang-ky-ket-hon"));
        engine.handle(new IncomingMessage(Channel.TELEGRAM, chat, "Đăng ký khai sinh", "dang-ky-khai-sinh"));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<RatingOffers.Claim>> presses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                presses.add(pool.submit(() -> offers.claim(Channel.TELEGRAM, chat, "dang-ky-ket-hon")));
            }
            List<RatingOffers.Claim> claims = new java.util.ArrayList<>();
            for (var press : presses) {
                claims.add(press.get());
            }
            assertThat(claims).containsOnlyOnce(RatingOffers.Claim.CLAIMED)
                    .filteredOn(c -> c != RatingOffers.Claim.CLAIMED)
                    .containsOnly(RatingOffers.Claim.ALREADY_RATED);
        } finally {
            pool.shutdown();
        }
        // The claim joins the transaction that stores the rating: when that fails, the claim is not kept either.
        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            assertThat(offers.claim(Channel.TELEGRAM, chat, "dang-ky-khai-sinh")).isEqualTo(RatingOffers.Claim.CLAIMED);
            throw new IllegalStateException("the rating could not be stored");
        })).hasMessageContaining("could not be stored");
        assertThat(offers.claimAll(List.of(
                new RatingOffers.Request(Channel.TELEGRAM, chat, "trich-luc-ho-tich"),
                new RatingOffers.Request(Channel.TELEGRAM, chat, "dang-ky-khai-sinh"),
                new RatingOffers.Request(Channel.TELEGRAM, chat, "dang-ky-ket-hon"))))
                .containsExactly(RatingOffers.Claim.NOT_OFFERED, RatingOffers.Claim.CLAIMED,
                        RatingOffers.Claim.ALREADY_RATED);
        assertThat(sessions.findById(SessionKeys.of(Channel.TELEGRAM, chat)).orElseThrow().satisfactionRated())
                .as("topic ids only, never the level").isEqualTo("dang-ky-ket-hon,dang-ky-khai-sinh");
    }

    @Test
    void aRatingThatCannotBeStoredLeavesItsOfferUnclaimedAndAStoredOneUsesItUp() {
        String chat = "7004" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000);
        engine.handle(new IncomingMessage(Channel.TELEGRAM, chat, "Đăng ký khai sinh", "dang-ky-khai-sinh"));
        SatisfactionWriter.Offer offer = new SatisfactionWriter.Offer(Channel.TELEGRAM, chat);

        // The claim and the rating commit together: a rating the database refuses claims nothing.
        assertThatThrownBy(() -> writer.insert(rating("a level far too long for its column", offer)));
        SatisfactionWriter.Stored stored = writer.insert(rating("hai_long", offer));
        assertThat(stored.claim()).isEqualTo(RatingOffers.Claim.CLAIMED);
        assertThat(stored.id()).isPositive();

        SatisfactionWriter.Stored again = writer.insert(rating("hai_long", offer));
        assertThat(again.claim()).isEqualTo(RatingOffers.Claim.ALREADY_RATED);
        assertThat(again.id()).as("nothing stored").isZero();
    }

    private static SatisfactionWriter.Row rating(String level, SatisfactionWriter.Offer offer) {
        return new SatisfactionWriter.Row("dang-ky-khai-sinh", "ho-tich", "", "telegram", level, true, null,
                java.time.LocalDate.now(), java.time.Instant.now(), null, offer);
    }

    /** Telegram sessions go through the same engine; called directly so no fake Telegram server is needed. */
    private ChatReply telegram(String chatId, String text) {
        return engine.handle(new IncomingMessage(Channel.TELEGRAM, chatId, text, null));
    }
}
