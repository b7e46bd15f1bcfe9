package vn.dvcassistant.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;

class WebRendererTest {

    @Test
    void answerFieldIsPlainTextWithNumberedStepsAndNoButtons() {
        Reply reply = Reply.of(
                        new ReplyPart.Paragraph("Đăng ký thường trú nộp tại Công an cấp xã."),
                        new ReplyPart.NumberedList(null, List.of("Chuẩn bị tờ khai CT01", "Nộp hồ sơ")),
                        new ReplyPart.BulletList("Giấy tờ", List.of("Tờ khai CT01", "Giấy tờ chứng minh chỗ ở")),
                        new ReplyPart.Link("Cổng DVC Bộ Công an", "https://dichvucong.bocongan.gov.vn"))
                .withButtonRow(new Button("Hữu ích", "rate:up:a1"));

        assertThat(new WebRenderer().render(reply)).isEqualTo("""
                Đăng ký thường trú nộp tại Công an cấp xã.

                1. Chuẩn bị tờ khai CT01
                2. Nộp hồ sơ

                Giấy tờ
                • Tờ khai CT01
                • Giấy tờ chứng minh chỗ ở

                Cổng DVC Bộ Công an: https://dichvucong.bocongan.gov.vn""");
    }
}
