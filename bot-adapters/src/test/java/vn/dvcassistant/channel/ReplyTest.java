package vn.dvcassistant.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void buttonDataOverSixtyFourBytesIsRejectedCountingUtf8Bytes() {
        String sixtyFourBytes = "rate:" + "ư".repeat(29) + "x"; // 5 + 58 + 1 bytes, only 35 characters
        String sixtyFiveBytes = "rate:" + "ư".repeat(30);

        assertThat(new Button("Hữu ích", sixtyFourBytes).data()).isEqualTo(sixtyFourBytes);
        assertThatThrownBy(() -> new Button("Hữu ích", sixtyFiveBytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("65 bytes");
    }

    @Test
    void moreButtonsThanZaloCanShowAreRejected() {
        Reply reply = Reply.text("Chọn lĩnh vực")
                .withButtonRow(new Button("Đất đai", "f:1"), new Button("Xây dựng", "f:2"), new Button("Đầu tư", "f:3"))
                .withButtonRow(new Button("Hộ tịch", "f:4"), new Button("Cư trú", "f:5"));

        assertThat(reply.buttons()).hasSize(5);
        assertThatThrownBy(() -> reply.withButtonRow(new Button("Khác", "f:6")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 5 buttons");
    }

    @Test
    void emptyContentIsRejected() {
        assertThatThrownBy(() -> new Reply(List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyPart.Paragraph("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyPart.BulletList(null, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplyPart.Link("Cổng DVC", "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
