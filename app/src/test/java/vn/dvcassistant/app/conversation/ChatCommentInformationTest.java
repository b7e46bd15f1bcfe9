package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentEvent;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** A citizen answers the agency's question about their comment by writing "bổ sung <code> ..." in a chat. */
@MicronautTest(transactional = false)
class ChatCommentInformationTest {

    private static final String QUESTION = "Bạn nộp hồ sơ tại xã nào, ngày nào?";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ConversationEngine engine;
    @Inject
    CommentService comments;
    @Inject
    ReplyOutboxRepository outbox;

    @Test
    void theAnswerFromTheTelegramChatMovesTheCommentOnAndTheHistoryRecordsIt() {
        String chat = newChat();
        telegram(chat, "đồng ý");
        telegram(chat, "góp ý");
        String code = telegram(chat, "Hồ sơ khai sinh của con tôi bị trả lại mà không rõ lý do").commentCode();
        comments.requestInformation(code, "can-bo-tp", QUESTION);
        assertThat(outbox.findByCommentId(comments.find(code).orElseThrow().id())).singleElement()
                .extracting(ReplyOutboxEntry::text).asString()
                .as("the question tells the citizen how to answer in the chat").contains(QUESTION, "bổ sung " + code);

        ChatReply reply = telegram(chat, "Bổ sung " + code.toLowerCase() + ": tôi nộp ở xã An Phú ngày 3/3, "
                + "số điện thoại 0912345678");

        assertThat(reply.answer()).contains("Đã nhận thông tin bổ sung", code, "Văn phòng Ủy ban nhân dân tỉnh",
                "tiếp tục xử lý", "/gop-y/tra-cuu?ma=" + code);
        assertThat(reply.commentCode()).isEqualTo(code);
        CitizenComment stored = comments.find(code).orElseThrow();
        assertThat(stored.status()).isEqualTo("in_progress");
        assertThat(stored.text()).contains("tôi nộp ở xã An Phú ngày 3/3").doesNotContain("0912345678")
                .doesNotContain(code.toLowerCase());
        assertThat(comments.track(code).orElseThrow().statusNote()).as("the question is answered").isNull();
        assertThat(comments.history(code)).extracting(CommentEvent::fromStatus, CommentEvent::toStatus,
                CommentEvent::actor).endsWith(tuple("received", "needs_info", "can-bo-tp"),
                tuple("needs_info", "in_progress", "citizen"));
    }

    @Test
    void aWebChatCommentTakesTheAnswerWithoutDiacriticsAndWithTheCodeWrittenLoosely() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "góp ý");
        String code = (String) chat.say(session, "Trang nộp hồ sơ báo lỗi khi tải tệp").get("commentCode");
        comments.requestInformation(code, "can-bo", "Bạn dùng trình duyệt nào?");

        // "GY 7K3M9Q" in two words, lower case, no diacritics, in another web session (the web chat keeps
        // no reply address, so the code is what identifies the citizen).
        Map<String, Object> reply = chat.say(UUID.randomUUID().toString(),
                "bo sung thong tin gy " + code.substring(3).toLowerCase() + " - Chrome tren dien thoai");

        assertThat((String) reply.get("answer")).contains("Đã nhận thông tin bổ sung", code);
        assertThat(reply.get("commentCode")).isEqualTo(code);
        assertThat(comments.find(code).orElseThrow().text()).contains("Chrome tren dien thoai");
        assertThat(comments.find(code).orElseThrow().status()).isEqualTo("in_progress");
    }

    @Test
    void unknownCodeWrongStatusOtherChatAndEmptyTextAreAnsweredPolitelyAndStoreNothing() {
        String chat = newChat();
        telegram(chat, "đồng ý");
        telegram(chat, "phản ánh");
        String code = telegram(chat, "Bộ phận một cửa đóng cửa sớm").commentCode();
        CitizenComment received = comments.find(code).orElseThrow();

        assertThat(telegram(chat, "bổ sung GY-2222AA tôi ở xã An Phú").answer())
                .contains("Không tìm thấy góp ý có mã GY-2222AA");
        assertThat(telegram(chat, "bổ sung GY-00OO11 tôi ở xã An Phú").answer())
                .as("not a possible code").contains("Không tìm thấy góp ý có mã GY-00OO11");

        ChatReply notWaiting = telegram(chat, "bổ sung " + code + " tôi ở xã An Phú");
        assertThat(notWaiting.answer()).contains(code, "không chờ bổ sung thông tin", "Đã tiếp nhận", "chưa được lưu");
        assertUnchanged(code, received, 1);

        comments.requestInformation(code, "can-bo", QUESTION);
        CitizenComment waiting = comments.find(code).orElseThrow();
        assertThat(telegram(newChat(), "bổ sung " + code + " tôi ở xã An Phú").answer())
                .contains(code, "cuộc trò chuyện khác", "chưa được lưu");
        assertThat(new ChatClient(http).say(UUID.randomUUID().toString(), "bổ sung " + code + " xã An Phú")
                .get("answer")).asString().contains("cuộc trò chuyện khác");
        HttpClientResponseException fromWeb = catchThrowableOfType(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/comments/" + code + "/information",
                        Map.of("text", "xã An Phú")).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class));
        assertThat(fromWeb.getStatus().getCode()).isEqualTo(403);
        assertThat(fromWeb.getResponse().getBody(Map.class).orElseThrow().get("error")).isEqualTo("information_in_chat");

        assertThat(telegram(chat, "bổ sung " + code + " :").answer()).contains("chưa ghi thông tin", "bổ sung " + code);
        assertUnchanged(code, waiting, 2);
    }

    @Test
    void aBareBoSungExplainsHowAndAQuestionAboutSupplementingADossierIsStillAnswered() {
        assertThat(telegram(newChat(), "bổ sung thông tin").answer()).contains("mã góp ý", "Ví dụ: bổ sung GY-");

        ChatReply question = telegram(newChat(), "bổ sung hồ sơ đăng ký khai sinh cần giấy tờ gì");
        assertThat(question.answer()).doesNotContain("góp ý");
        assertThat(question.kind()).isNotEqualTo(ReplyKind.SMALLTALK.wire());
    }

    @Test
    void theMessageIsReadWhateverWayTheCodeAndPrefixAreWritten() {
        assertThat(CommentSupplements.parse("Bổ sung GY-7K3M9Q: tôi ở xã An Phú")).hasValue(
                new CommentSupplements.Request("GY-7K3M9Q", "tôi ở xã An Phú"));
        assertThat(CommentSupplements.parse("BỔ SUNG thông tin cho góp ý mã gy–7k3m9q — Xã An Phú")).hasValue(
                new CommentSupplements.Request("gy-7k3m9q", "Xã An Phú"));
        assertThat(CommentSupplements.parse("bosung GY 7K3M9Q\nDòng hai")).hasValue(
                new CommentSupplements.Request("GY7K3M9Q", "Dòng hai"));
        assertThat(CommentSupplements.parse("bổ sung GY-7K3M9Q")).hasValue(
                new CommentSupplements.Request("GY-7K3M9Q", ""));
        assertThat(CommentSupplements.parse("bổ sung")).hasValue(new CommentSupplements.Request(null, ""));
        assertThat(CommentSupplements.parse("bổ sung hồ sơ thế nào")).isEmpty();
        assertThat(CommentSupplements.parse("tôi muốn bổ sung GY-7K3M9Q")).isEmpty();
        assertThat(CommentSupplements.parse("bổ")).isEmpty();
    }

    private void assertUnchanged(String code, CitizenComment before, int events) {
        CitizenComment after = comments.find(code).orElseThrow();
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.text()).isEqualTo(before.text());
        assertThat(after.answerDue()).isEqualTo(before.answerDue());
        assertThat(after.acknowledgedAt()).isEqualTo(before.acknowledgedAt());
        List<CommentEvent> history = comments.history(code);
        assertThat(history).hasSize(events);
    }

    private ChatReply telegram(String chatId, String text) {
        return engine.handle(new IncomingMessage(Channel.TELEGRAM, chatId, text, null));
    }

    private static String newChat() {
        return "8" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }
}
