package vn.dvcassistant.app.conversation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FacetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Lệ phí bao nhiêu?|FEE",
            "le phi bao nhieu|FEE",
            "mất bao nhiêu tiền ạ|FEE",
            "mất bao lâu vậy|TIME",
            "bao lâu thì có kết quả|TIME",
            "cần giấy tờ gì|DOCUMENTS",
            "làm online được không?|ONLINE",
            "có làm trực tuyến được không|ONLINE",
            "nộp ở đâu|AUTHORITY",
            "các bước làm thế nào|STEPS"})
    void facetQuestionsAskForThePartOfTheAnswer(String question, Facet facet) {
        assertThat(Facet.detect(FoldedText.of(question))).contains(facet);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lệ phí đăng ký kết hôn bao nhiêu", "làm căn cước online được không",
            "đăng ký tạm trú mất bao lâu"})
    void facetQuestionsNamingAProcedureStillAskForAPart(String question) {
        assertThat(Facet.detect(FoldedText.of(question))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thuận tiện không", "đăng ký kết hôn", "xin chào"})
    void otherMessagesHaveNoFacet(String question) {
        assertThat(Facet.detect(FoldedText.of(question))).isEmpty();
    }
}
