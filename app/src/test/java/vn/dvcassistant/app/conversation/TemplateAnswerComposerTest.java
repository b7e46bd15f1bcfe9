package vn.dvcassistant.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.kb.catalogue.CatalogueRow;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

class TemplateAnswerComposerTest {

    private static final ProvinceClock VIETNAM = new ProvinceClock(ZoneId.of("Asia/Ho_Chi_Minh"));
    private final TemplateAnswerComposer composer = new TemplateAnswerComposer(new Messages(),
            new CatalogueAnswers(new Messages(), VIETNAM, code -> code.equals("0.000001")
                    ? Optional.of("https://example.gov.vn/thu-tuc/khai-sinh") : Optional.empty()));

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

    @Test
    void everyAnswerEndsWithItsReviewDateAndACuratedEntryShowsTheCodeItCoversWithTheCheckedLink() {
        ComposedAnswer answer = composer.compose(procedure(), null, "đăng ký khai sinh");

        assertThat(answer.text()).contains("Cập nhật: 22/11/2026", "Mã thủ tục: 0.000001",
                "Trang thủ tục: https://example.gov.vn/thu-tuc/khai-sinh").doesNotContain("quá hạn rà soát");
    }

    @Test
    void pastItsReviewDateAnAnswerSaysTheInformationMayHaveChangedAndWhereToCheck() {
        Topic old = procedure();
        Topic stale = new Topic(old.id(), old.title(), old.field(), old.authority(), old.online(), old.summary(),
                old.steps(), old.documents(), old.fee(), old.processingTime(), old.legalBasis(), old.officialUrl(),
                old.questions(), old.keywords(), old.sources(), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 6, 30),
                old.kind(), old.shortAnswer(), old.procedureCodes());

        assertThat(composer.compose(stale, null, "khai sinh").text())
                .contains("Cập nhật: 02/01/2025", "có thể đã thay đổi", "https://dichvucong.gov.vn/");
    }

    @Test
    void aCatalogueEntrySaysOnlyWhatItsRowSaysAndShowsTheCodeAsTextToSearchFor() {
        CatalogueRow row = new CatalogueRow("1.012786", "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất", "Đất đai",
                Field.DAT_DAI, "Cấp tỉnh", "Văn phòng đăng ký đất đai", "Không quá 10 ngày làm việc", "", "", "", "");
        ComposedAnswer answer = composer.compose(CatalogueTopics.toTopic(row, LocalDate.of(2026, 12, 5)), null, "mất sổ đỏ");

        assertThat(answer.text()).contains("Mã thủ tục: 1.012786", "Nơi giải quyết: Văn phòng đăng ký đất đai",
                "Thời gian giải quyết: Không quá 10 ngày làm việc", "gõ mã 1.012786 vào ô tìm kiếm", "Cập nhật: 05/12/2026")
                .doesNotContain("Lệ phí", "ma_thu_tuc", "null");
        assertThat(answer.parts().officialUrl()).isEqualTo("https://dichvucong.gov.vn");
    }
}
