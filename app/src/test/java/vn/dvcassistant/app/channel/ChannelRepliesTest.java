package vn.dvcassistant.app.channel;

import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.conversation.AnswerParts;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.channel.telegram.TelegramRenderer;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelRepliesTest {

    private final Messages messages = new Messages();
    private final ChannelReplies replies = new ChannelReplies(messages);

    @Test
    void clarifyOffersOneButtonPerSuggestedTopicAndNoRating() {
        ChatReply clarify = new ChatReply(UUID.randomUUID(), "clarify", messages.get("chat.clarify"), 0.4, List.of(),
                List.of(new ChatReply.Suggestion("dang-ky-khai-sinh", "Đăng ký khai sinh"),
                        new ChatReply.Suggestion("dang-ky-ket-hon", "Đăng ký kết hôn"),
                        new ChatReply.Suggestion("the-can-cuoc", "Cấp thẻ căn cước")), null, null, false);

        List<Reply> rendered = replies.render(clarify, false);

        assertThat(rendered).hasSize(1);
        assertThat(rendered.get(0).buttons()).extracting(Button::data)
                .containsExactly("topic:dang-ky-khai-sinh", "topic:dang-ky-ket-hon", "topic:the-can-cuoc");
        assertThat(rendered.get(0).buttons()).extracting(Button::label).contains("Đăng ký khai sinh");
    }

    @Test
    void firstReplyPutsNoticeAndConsentButtonsInTheirOwnMessageAndKeepsTheAnswerClean() {
        UUID id = UUID.randomUUID();
        String notice = messages.get("chat.notice");
        String question = messages.get("chat.consent.question");
        AnswerParts parts = new AnswerParts("Đăng ký khai sinh", "procedure", "Làm trên VNeID.", "Làm trên VNeID.", List.of("Đăng nhập", "Nộp"),
                List.of("Giấy chứng sinh"), "Miễn phí", "Trong ngày", "UBND xã", "toàn trình",
                "https://dichvucong.gov.vn/p/1", null);
        ChatReply answer = new ChatReply(id, "answer", notice + "\n\nĐăng ký khai sinh...\n\n" + question, 0.9,
                List.of(), List.of(new ChatReply.Suggestion("a", "A"), new ChatReply.Suggestion("b", "B"),
                new ChatReply.Suggestion("c", "C")), parts, notice, true);

        List<Reply> rendered = replies.render(answer, false);

        assertThat(rendered).hasSize(2);
        assertThat(rendered.get(0).parts()).containsExactly(new ReplyPart.Paragraph(notice), new ReplyPart.Paragraph(question));
        assertThat(rendered.get(0).buttons()).extracting(Button::data).containsExactly("consent:yes", "consent:no");
        Reply main = rendered.get(1);
        assertThat(main.parts()).contains(new ReplyPart.NumberedList(messages.get("answer.steps"), List.of("Đăng nhập", "Nộp")),
                new ReplyPart.Link(messages.get("channel.officialLink"), "https://dichvucong.gov.vn/p/1"));
        // Two rating buttons and the three related topics fit in Zalo's five.
        assertThat(main.buttons()).extracting(Button::data)
                .containsExactly("rate:up:" + id, "rate:down:" + id, "topic:a", "topic:b", "topic:c");
    }

    @Test
    void aSatisfactionPromptBecomesAFollowUpWithOneButtonPerLevelThatFitsTelegramAndZalo() {
        String topicId = "xac-nhan-tinh-trang-hon-nhan"; // among the longest ids (28 characters)
        ChatReply answer = new ChatReply(UUID.randomUUID(), "answer", "Xác nhận tình trạng hôn nhân...", 0.9,
                List.of(new ChatReply.Source(topicId, "Cấp giấy xác nhận tình trạng hôn nhân", "https://x", "ho-tich")),
                List.of(new ChatReply.Suggestion("a", "A"), new ChatReply.Suggestion("b", "B"),
                        new ChatReply.Suggestion("c", "C")), null, null, false, null,
                new ChatReply.SatisfactionPrompt(topicId, List.of("rat_hai_long", "hai_long", "khong_hai_long")));

        List<Reply> rendered = replies.render(answer, false);

        assertThat(rendered).hasSize(2);
        assertThat(rendered.get(0).buttons()).hasSize(Reply.MAX_BUTTONS);
        Reply offer = rendered.get(1);
        assertThat(offer.parts()).containsExactly(new ReplyPart.Paragraph(
                "Bạn đánh giá thế nào về thủ tục «Cấp giấy xác nhận tình trạng hôn nhân»? Hãy chọn một mức dưới đây."));
        assertThat(offer.buttons()).extracting(Button::label).containsExactly("Rất hài lòng", "Hài lòng", "Không hài lòng");
        assertThat(offer.buttons()).extracting(b -> ButtonAction.parse(b.data()).orElseThrow()).containsExactly(
                new ButtonAction.Satisfaction(SatisfactionLevel.RAT_HAI_LONG, topicId),
                new ButtonAction.Satisfaction(SatisfactionLevel.HAI_LONG, topicId),
                new ButtonAction.Satisfaction(SatisfactionLevel.KHONG_HAI_LONG, topicId));
        // Zalo cuts button titles after about 20 characters.
        assertThat(offer.buttons()).allSatisfy(b -> assertThat(b.label().length()).isLessThanOrEqualTo(20));

        assertThat(replies.render(answer, true)).as("no offer in a group chat").hasSize(1);
    }

    @Test
    void satisfactionButtonDataThatWeNeverWroteIsRefused() {
        assertThat(ButtonAction.parse("sat:hai_long:dang-ky-khai-sinh"))
                .contains(new ButtonAction.Satisfaction(SatisfactionLevel.HAI_LONG, "dang-ky-khai-sinh"));
        assertThat(ButtonAction.parse("sat:tuyet_voi:dang-ky-khai-sinh")).isEmpty();
        assertThat(ButtonAction.parse("sat:hai_long:")).isEmpty();
        assertThat(ButtonAction.parse("sat:hai_long")).isEmpty();
        assertThat(ButtonAction.parse("sat:")).isEmpty();
    }

    @Test
    void aVeryLongAnswerIsSplitForTelegramWithTheButtonsOnTheLastMessage() {
        UUID id = UUID.randomUUID();
        List<String> steps = Collections.nCopies(60, "Bước có nội dung khá dài để thử chia tin nhắn & kiểm tra <thẻ> HTML.");
        AnswerParts parts = new AnswerParts("Thủ tục dài", "procedure", "Tóm tắt.", "Tóm tắt.", steps, List.of(), "Miễn phí", "1 ngày", "UBND",
                "toàn trình", "https://dichvucong.gov.vn", null);
        ChatReply answer = new ChatReply(id, "answer", "x", 0.9, List.of(), List.of(), parts, null, false);

        var messagesOut = new TelegramRenderer().render("1", replies.render(answer, false).get(0));

        assertThat(messagesOut).hasSizeGreaterThan(1);
        assertThat(messagesOut).allSatisfy(m -> assertThat(m.getText().length()).isLessThanOrEqualTo(4096));
        assertThat(messagesOut.get(0).getText()).contains("&amp;").contains("&lt;thẻ&gt;");
        assertThat(messagesOut.get(messagesOut.size() - 1).getReplyMarkup()).isNotNull();
        assertThat(messagesOut.get(0).getReplyMarkup()).isNull();
    }
}
