package vn.dvcassistant.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;

class TelegramRendererTest {

    private final TelegramRenderer renderer = new TelegramRenderer();

    @Test
    void textIsEscapedForHtmlParseMode() {
        Reply reply = Reply.of(new ReplyPart.Paragraph("Lệ phí <50.000 đồng> & miễn cho người \"có công\""));

        SendMessage message = renderer.render("42", reply).get(0);

        assertThat(message.getText()).isEqualTo("Lệ phí &lt;50.000 đồng&gt; &amp; miễn cho người \"có công\"");
        assertThat(message.getParseMode()).isEqualTo("HTML");
        assertThat(message.getChatId()).isEqualTo("42");
    }

    @Test
    void listsAndLinksKeepTheirStructure() {
        Reply reply = Reply.of(
                new ReplyPart.NumberedList("Các bước", List.of("Đăng nhập Cổng DVC", "Nộp hồ sơ")),
                new ReplyPart.BulletList("Giấy tờ <bản chính>", List.of("Tờ khai", "Ảnh 4x6")),
                new ReplyPart.Link("Cổng Dịch vụ công", "https://dichvucong.gov.vn/p/home/dvc-tthc.html?a=1&b=2"));

        String text = renderer.render("42", reply).get(0).getText();

        assertThat(text).isEqualTo("""
                <b>Các bước</b>
                1. Đăng nhập Cổng DVC
                2. Nộp hồ sơ

                <b>Giấy tờ &lt;bản chính&gt;</b>
                • Tờ khai
                • Ảnh 4x6

                <a href="https://dichvucong.gov.vn/p/home/dvc-tthc.html?a=1&amp;b=2">Cổng Dịch vụ công</a>""");
    }

    @Test
    void buttonsBecomeAnInlineKeyboardRowByRow() throws Exception {
        Reply reply = Reply.text("Câu trả lời có giúp được bạn không?")
                .withButtonRow(new Button("Hữu ích", "rate:up:a1"), new Button("Chưa hữu ích", "rate:down:a1"))
                .withButtonRow(new Button("Hỏi cán bộ", "handoff:a1"));

        SendMessage message = renderer.render("42", reply).get(0);
        JsonNode keyboard = new ObjectMapper().valueToTree(message).path("reply_markup").path("inline_keyboard");

        assertThat(keyboard).hasSize(2);
        assertThat(keyboard.get(0)).hasSize(2);
        assertThat(keyboard.get(0).get(0).path("text").asText()).isEqualTo("Hữu ích");
        assertThat(keyboard.get(0).get(1).path("callback_data").asText()).isEqualTo("rate:down:a1");
        assertThat(keyboard.get(1).get(0).path("callback_data").asText()).isEqualTo("handoff:a1");
    }

    @Test
    void longAnswerIsSplitAtParagraphBoundariesWithButtonsOnTheLastMessage() {
        List<ReplyPart> parts = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String paragraph = ("Đoạn " + i + ": hồ sơ & giấy tờ cần chuẩn bị. ").repeat(25).strip();
            paragraphs.add(paragraph);
            parts.add(new ReplyPart.Paragraph(paragraph));
        }
        Reply reply = new Reply(parts, List.of(List.of(new Button("Hữu ích", "rate:up:a1"))));

        List<SendMessage> messages = renderer.render("42", reply);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.getText().length()).isLessThanOrEqualTo(4096));
        List<String> received = new ArrayList<>();
        for (SendMessage m : messages) {
            received.addAll(List.of(m.getText().split("\n\n")));
        }
        assertThat(received).containsExactlyElementsOf(
                paragraphs.stream().map(TelegramRenderer::escape).toList());
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.getReplyMarkup()).isNull());
        assertThat(messages.get(messages.size() - 1).getReplyMarkup()).isNotNull();
    }

    @Test
    void oneParagraphOverTheLimitIsCutBetweenWordsNotInsideAnEntity() {
        String paragraph = "A&B ".repeat(2000).strip();

        List<SendMessage> messages = renderer.render("42", Reply.text(paragraph));

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.getText().length()).isLessThanOrEqualTo(4096);
            assertThat(m.getText()).startsWith("A&amp;B").endsWith("A&amp;B");
        });
        String rejoined = String.join(" ", messages.stream().map(SendMessage::getText).toList());
        assertThat(rejoined).isEqualTo(TelegramRenderer.escape(paragraph));
    }
}
