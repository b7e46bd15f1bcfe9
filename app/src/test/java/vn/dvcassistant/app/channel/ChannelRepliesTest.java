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
        assertThat(main.parts()).containsExactly(new ReplyPart.Paragraph("Đăng ký khai sinh\nLàm trên VNeID."),
                new ReplyPart.Paragraph("Làm hoàn toàn trên mạng: nộp, trả phí và nhận kết quả không cần đến cơ quan."),
                new ReplyPart.Link(messages.get("channel.officialLink"), "https://dichvucong.gov.vn/p/1"));
        // Two rating buttons and the three related topics fit in Zalo's five.
        assertThat(main.buttons()).extracting(Button::data)
                .containsExactly("rate:up:" + id, "rate:down:" + id, "topic:a", "topic:b", "topic:c");
    }

    @Test
    void aModelComposedAnswerIsSentAsItsTextNotAsTheEntrysParts() {
        AnswerParts parts = new AnswerParts("Đăng ký khai sinh", "procedure", "Làm trên VNeID.", "Làm trên VNeID.",
                List.of("Đăng nhập", "Nộp"), List.of("Giấy chứng sinh"), "Miễn phí", "Trong ngày", "UBND xã", "toàn trình",
                "https://dichvucong.gov.vn/p/1", "fee");
        String composed = "Đăng ký khai sinh được miễn phí.\n\nXem chi tiết: https://dichvucong.gov.vn/p/1";
        ChatReply answer = new ChatReply(UUID.randomUUID(), "answer", composed, 0.9, List.of(), List.of(), parts,
                null, false, null, null, ChatReply.LLM);

        Reply main = replies.render(answer, false).get(0);

        assertThat(main.parts()).containsExactly(new ReplyPart.Paragraph("Đăng ký khai sinh được miễn phí."),
                new ReplyPart.Paragraph("Xem chi tiết: https://dichvucong.gov.vn/p/1"));
    }

    @Test
    void aSatisfactionPromptBecomesAFollowUpAskingWhetherTheCitizenDidTheProcedure() {
        String topicId = "xac-nhan-tinh-trang-hon-nhan"; // among the longest ids (28 characters)
        ChatReply answer = new ChatReply(UUID.randomUUID(), "answer", "Xác nhận tình trạng hôn nhân...", 0.9,
                List.of(new ChatReply.Source(topicId, "Cấp giấy xác nhận tình trạng hôn nhân", "https://x", "ho-tich")),
                List.of(new ChatReply.Suggestion("a", "A"), new ChatReply.Suggestion("b", "B"),
                        new ChatReply.Suggestion("c", "C")), null, null, false, null,
                new ChatReply.SatisfactionPrompt(topicId, List.of("rat_hai_long", "hai_long", "khong_hai_long"),
                        List.of(new ChatReply.AgencyChoice("UBND-XA", "Ủy ban nhân dân cấp xã", null))));

        List<Reply> rendered = replies.render(answer, false);

        assertThat(rendered).hasSize(2);
        assertThat(rendered.get(0).buttons()).hasSize(Reply.MAX_BUTTONS);
        assertThat(rendered.get(0).parts()).isNotEmpty();
        Reply offer = rendered.get(1);
        assertThat(offer.parts()).containsExactly(new ReplyPart.Paragraph("Bạn đã làm thủ tục «Cấp giấy xác nhận "
                + "tình trạng hôn nhân» chưa? Nếu đã làm, bạn hãy đánh giá mức độ hài lòng."));
        assertThat(offer.buttons()).extracting(Button::label).containsExactly("Tôi đã làm thủ tục này", "Chưa làm");
        assertThat(offer.buttons()).extracting(b -> ButtonAction.parse(b.data()).orElseThrow()).containsExactly(
                new ButtonAction.Did(true, topicId), new ButtonAction.Did(false, topicId));

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
        assertThat(ButtonAction.parse("did:y:dang-ky-khai-sinh")).contains(new ButtonAction.Did(true, "dang-ky-khai-sinh"));
        assertThat(ButtonAction.parse("did:x:dang-ky-khai-sinh")).isEmpty();
        assertThat(ButtonAction.parse("did:y:")).isEmpty();
        assertThat(ButtonAction.parse("sa:1:dang-ky-khai-sinh:UBND-XA")).contains(
                new ButtonAction.SatisfactionAgency(SatisfactionLevel.RAT_HAI_LONG, "dang-ky-khai-sinh", "UBND-XA"));
        assertThat(ButtonAction.parse("sa:3:dang-ky-khai-sinh:-")).contains(
                new ButtonAction.SatisfactionAgency(SatisfactionLevel.KHONG_HAI_LONG, "dang-ky-khai-sinh", null));
        assertThat(ButtonAction.parse("sa:4:dang-ky-khai-sinh:-")).isEmpty();
        assertThat(ButtonAction.parse("sa:0:dang-ky-khai-sinh:-")).isEmpty();
        assertThat(ButtonAction.parse("sa:1:dang-ky-khai-sinh:")).isEmpty();
        assertThat(ButtonAction.parse("sa:1::UBND-XA")).isEmpty();
        // The longest topic id with a commune's code (ward code of the 2025 list) fits Telegram's 64 bytes.
        assertThat(ButtonAction.satisfactionAgency(SatisfactionLevel.HAI_LONG, "xac-nhan-tinh-trang-hon-nhan",
                "CA-XA-26734").getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aVeryLongAnswerIsSplitForTelegramWithTheButtonsOnTheLastMessage() {
        UUID id = UUID.randomUUID();
        List<String> steps = Collections.nCopies(60, "Bước có nội dung khá dài để thử chia tin nhắn & kiểm tra <thẻ> HTML.");
        AnswerParts parts = new AnswerParts("Thủ tục dài", "procedure", "Tóm tắt.", "Tóm tắt.", steps, List.of(), "Miễn phí", "1 ngày", "UBND",
                "toàn trình", "https://dichvucong.gov.vn", "steps");
        ChatReply answer = new ChatReply(id, "answer", "x", 0.9, List.of(), List.of(), parts, null, false);

        var messagesOut = new TelegramRenderer().render("1", replies.render(answer, false).get(0));

        assertThat(messagesOut).hasSizeGreaterThan(1);
        assertThat(messagesOut).allSatisfy(m -> assertThat(m.getText().length()).isLessThanOrEqualTo(4096));
        assertThat(messagesOut.get(0).getText()).contains("&amp;").contains("&lt;thẻ&gt;");
        assertThat(messagesOut.get(messagesOut.size() - 1).getReplyMarkup()).isNotNull();
        assertThat(messagesOut.get(0).getReplyMarkup()).isNull();
    }

    @Test
    void aShortAnswerIsFollowedByOneButtonPerPartThatAsksItOnTheSameTopic() {
        ChatReply answer = answer(procedure(null));

        List<Reply> rendered = replies.render(answer, true);

        assertThat(rendered).hasSize(2);
        Reply menu = rendered.get(1);
        assertThat(menu.parts()).containsExactly(new ReplyPart.Paragraph("Xem từng phần:"));
        assertThat(menu.buttons()).extracting(Button::label)
                .containsExactly("Các bước", "Giấy tờ", "Lệ phí", "Thời gian", "Nơi làm");
        assertThat(menu.buttons()).extracting(b -> ButtonAction.parse(b.data()).orElseThrow()).containsExactly(
                new ButtonAction.Part(AnswerPart.STEPS, "xac-nhan-tinh-trang-hon-nhan"),
                new ButtonAction.Part(AnswerPart.DOCUMENTS, "xac-nhan-tinh-trang-hon-nhan"),
                new ButtonAction.Part(AnswerPart.FEE, "xac-nhan-tinh-trang-hon-nhan"),
                new ButtonAction.Part(AnswerPart.TIME, "xac-nhan-tinh-trang-hon-nhan"),
                new ButtonAction.Part(AnswerPart.AUTHORITY, "xac-nhan-tinh-trang-hon-nhan"));
        assertThat(menu.buttonRows()).hasSize(2);
    }

    @Test
    void aFollowUpShowsThePartAskedAndOffersOnlyTheOthers() {
        List<Reply> rendered = replies.render(answer(procedure("documents")), true);

        assertThat(rendered.get(0).parts()).contains(
                new ReplyPart.BulletList(messages.get("answer.documents"), List.of("Tờ khai")));
        assertThat(rendered.get(0).parts()).noneMatch(p -> p instanceof ReplyPart.NumberedList);
        assertThat(rendered.get(1).buttons()).extracting(Button::label)
                .containsExactly("Các bước", "Lệ phí", "Thời gian", "Nơi làm");
    }

    @Test
    void anInformationTopicOffersNoFeeTimeOrPlace() {
        AnswerParts info = new AnswerParts("Lợi ích", "information", "Đỡ đi lại.", "Đỡ đi lại nhiều.",
                List.of("Mở Cổng"), List.of(), null, null, null, null, "https://dichvucong.gov.vn", null);

        List<Reply> rendered = replies.render(answer(info), true);

        assertThat(rendered.get(0).parts()).hasSize(2); // short answer and link: no online line
        assertThat(rendered.get(1).buttons()).extracting(Button::label).containsExactly("Các bước");
    }

    @Test
    void partButtonDataThatWeNeverWroteIsRefused() {
        assertThat(ButtonAction.parse("part:fee:dang-ky-khai-sinh"))
                .contains(new ButtonAction.Part(AnswerPart.FEE, "dang-ky-khai-sinh"));
        assertThat(ButtonAction.parse("part:price:dang-ky-khai-sinh")).isEmpty();
        assertThat(ButtonAction.parse("part:fee:")).isEmpty();
        assertThat(ButtonAction.parse("part:fee")).isEmpty();
    }

    private static AnswerParts procedure(String focus) {
        return new AnswerParts("Xác nhận tình trạng hôn nhân", "procedure", "Nộp ở UBND xã.", "Nộp ở UBND xã nơi cư trú.",
                List.of("Nộp tờ khai", "Nhận kết quả"), List.of("Tờ khai"), "Theo tỉnh", "3 ngày làm việc", "UBND xã",
                "một phần", "https://dichvucong.gov.vn/p/2", focus);
    }

    private static ChatReply answer(AnswerParts parts) {
        return new ChatReply(UUID.randomUUID(), "answer", "x", 0.9,
                List.of(new ChatReply.Source("xac-nhan-tinh-trang-hon-nhan", parts.title(), parts.officialUrl(), "ho-tich")),
                List.of(), parts, null, false);
    }
}
