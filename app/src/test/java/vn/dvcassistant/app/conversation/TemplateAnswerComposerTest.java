package vn.dvcassistant.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

class TemplateAnswerComposerTest {

    private final TemplateAnswerComposer composer = new TemplateAnswerComposer(new Messages());

    private static Topic information() {
        return new Topic("loi-ich", "Lợi ích của dịch vụ công trực tuyến", Field.DVC_CHUNG, null, null,
                "Làm thủ tục trên mạng giúp bạn đỡ đi lại.", List.of("Đăng nhập bằng VNeID."), List.of(), null, null,
                List.of(), "https://dichvucong.gov.vn/", List.of("a", "b", "c", "d"), List.of(), List.of("nguồn"),
                LocalDate.of(2026, 11, 22), LocalDate.of(2027, 5, 22), TopicKind.INFORMATION,
                "Làm trên mạng thì đỡ đi lại.", List.of());
    }

    private static Topic procedure() {
        return new Topic("khai-sinh", "Đăng ký khai sinh", Field.HO_TICH, "UBND cấp xã", OnlineLevel.TOAN_TRINH,
                "Cha hoặc mẹ đăng ký khai sinh cho con tại xã hoặc trên mạng.", List.of("Đăng nhập."),
                List.of("Giấy chứng sinh."), "Miễn lệ phí.", "Trong ngày.", List.of(), "https://dichvucong.gov.vn/",
                List.of("a", "b", "c", "d"), List.of(), List.of("nguồn"), LocalDate.of(2026, 11, 22),
                LocalDate.of(2027, 5, 22), TopicKind.PROCEDURE, "Làm ở xã hoặc trên mạng. Không mất phí.",
                List.of("0.000001"));
    }

    @Test
    void anInformationTopicPrintsNoFeeTimeOrOnlineLevel() {
        ComposedAnswer answer = composer.compose(information(), null, "làm online có lợi gì");

        assertThat(answer.text()).contains("Làm thủ tục trên mạng giúp bạn đỡ đi lại.", "https://dichvucong.gov.vn/")
                .doesNotContain("Lệ phí", "Làm trực tuyến", "null");
        assertThat(answer.parts().kind()).isEqualTo("information");
        assertThat(answer.parts().online()).isNull();
        assertThat(answer.parts().shortAnswer()).isEqualTo("Làm trên mạng thì đỡ đi lại.");
    }

    @Test
    void askedWhetherAnInformationTopicCanBeDoneOnlineItAnswersFromItsTextNotThatItCannot() {
        ComposedAnswer answer = composer.compose(information(), Facet.ONLINE, "làm online được không");

        assertThat(answer.text()).doesNotContain("chưa làm trực tuyến được", "null");
        assertThat(answer.parts().focus()).isNull();
    }

    @Test
    void aProcedureCarriesItsShortAnswerAndStillAnswersTheFacetAsked() {
        ComposedAnswer answer = composer.compose(procedure(), Facet.FEE, "lệ phí bao nhiêu");

        assertThat(answer.text()).contains("Lệ phí: Miễn lệ phí.");
        assertThat(answer.parts().focus()).isEqualTo("fee");
        assertThat(answer.parts().shortAnswer()).isEqualTo("Làm ở xã hoặc trên mạng. Không mất phí.");
    }
}
