package vn.dvcassistant.channel.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;

class ZaloRendererTest {

    private final ZaloRenderer renderer = new ZaloRenderer();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void structureBecomesPlainTextWithoutMarkup() {
        Reply reply = Reply.of(new ReplyPart.Paragraph("Bạn có thể nộp hồ sơ trực tuyến."),
                new ReplyPart.NumberedList("Các bước", List.of("Đăng nhập", "Nộp <hồ sơ> & lệ phí")),
                new ReplyPart.Link("Cổng Dịch vụ công", "https://dichvucong.gov.vn"));

        List<ZaloOutboundMessage> messages = renderer.render(reply);

        assertThat(messages).containsExactly(new ZaloOutboundMessage("""
                Bạn có thể nộp hồ sơ trực tuyến.

                Các bước
                1. Đăng nhập
                2. Nộp <hồ sơ> & lệ phí

                Cổng Dịch vụ công: https://dichvucong.gov.vn""", List.of()));
    }

    @Test
    void requestBodyFollowsTheConsultationMessageFormat() throws Exception {
        ZaloOutboundMessage message = new ZaloOutboundMessage("Câu trả lời có hữu ích không?",
                List.of(new Button("Hữu ích", "rate:up:a1"), new Button("Chưa hữu ích, cần hỏi cán bộ", "rate:down:a1")));

        JsonNode body = json.readTree(renderer.requestBody("2468458835296117922", message));

        assertThat(body.path("recipient").path("user_id").asText()).isEqualTo("2468458835296117922");
        assertThat(body.path("message").path("text").asText()).isEqualTo("Câu trả lời có hữu ích không?");
        JsonNode attachment = body.path("message").path("attachment");
        assertThat(attachment.path("type").asText()).isEqualTo("template");
        JsonNode buttons = attachment.path("payload").path("buttons");
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(0).path("type").asText()).isEqualTo("oa.query.hide");
        assertThat(buttons.get(0).path("title").asText()).isEqualTo("Hữu ích");
        assertThat(buttons.get(0).path("payload").asText()).isEqualTo("#dvc:rate:up:a1");
        assertThat(buttons.get(1).path("title").asText()).isEqualTo("Chưa hữu ích, cần hỏi cán bộ");
    }

    @Test
    void onlyATitleOverOneHundredCharactersIsCut() throws Exception {
        String hundred = "Đăng ký thường trú ".repeat(6).substring(0, 100);
        ZaloOutboundMessage message = new ZaloOutboundMessage("Chọn một thủ tục",
                List.of(new Button(hundred, "topic:a"), new Button(hundred + "x", "topic:b")));

        JsonNode buttons = json.readTree(renderer.requestBody("1", message)).path("message").path("attachment")
                .path("payload").path("buttons");

        assertThat(buttons.get(0).path("title").asText()).isEqualTo(hundred.strip());
        String cut = buttons.get(1).path("title").asText();
        assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(100);
        assertThat(cut).endsWith("…");
    }

    @Test
    void plainTextMessageHasNoAttachment() throws Exception {
        JsonNode body = json.readTree(renderer.requestBody("1", new ZaloOutboundMessage("Xin chào", List.of())));

        assertThat(body.path("message").has("attachment")).isFalse();
    }

    @Test
    void textOverTwoThousandCharactersIsSplitAtParagraphsWithButtonsLast() {
        List<ReplyPart> parts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            parts.add(new ReplyPart.Paragraph(("Đoạn " + i + " nói về hồ sơ. ").repeat(30).strip()));
        }
        Reply reply = new Reply(parts, List.of(List.of(new Button("Hữu ích", "rate:up:a1"))));

        List<ZaloOutboundMessage> messages = renderer.render(reply);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.text().length()).isLessThanOrEqualTo(2000));
        assertThat(messages).allSatisfy(m -> assertThat(m.text()).startsWith("Đoạn ").endsWith("nói về hồ sơ."));
        assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.buttons()).isEmpty());
        assertThat(messages.get(messages.size() - 1).buttons()).hasSize(1);
    }
}
