package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

/** How a question is worded (politeness, fillers, facets, typos) should not change whether it is answered. */
class QuestionWordingTest {

    private static KnowledgeBase kb;

    @BeforeAll
    static void load() {
        kb = KnowledgeBase.fromClasspath();
    }

    /** Not always a direct answer yet (the README's calibration table), but never "we do not know". */
    @Test
    void politeLongQuestionsOfferTheRightTopicFirst() {
        for (String question : List.of(
                "chào ad cho em hỏi làm giấy khai sinh cho con thì cần mang theo những gì ạ",
                "chao ad cho em hoi lam giay khai sinh cho con thi can mang theo nhung gi a")) {
            SearchResult result = kb.search(question, 5);
            assertThat(result.outcome()).as(question).isIn(SearchOutcome.ANSWER, SearchOutcome.CLARIFY);
            assertThat(result.hits().get(0).topic().id()).as(question).isEqualTo("dang-ky-khai-sinh");
        }
        assertAnswered("cho em hỏi thủ tục đăng ký khai sinh cho con ạ", "dang-ky-khai-sinh");
    }

    @Test
    void facetWordsDoNotWeakenTheMatch() {
        assertAnswered("lệ phí làm hộ chiếu bao nhiêu, mất bao lâu", "ho-chieu-pho-thong");
        assertAnswered("le phi lam ho chieu bao nhieu mat bao lau", "ho-chieu-pho-thong");
    }

    @Test
    void unknownWordsAreNotCorrectedIntoAMatch() {
        SearchResult result = kb.search("lịch thi đấu bóng đá tối nay", 5);
        assertThat(result.outcome()).isNotEqualTo(SearchOutcome.ANSWER);
    }

    @Test
    void aFillerIsTreatedAsContentWhereTheContentUsesItInAPhrase() {
        Set<String> known = Set.of("du thi", "thi tot");
        StopWords.Role[] filler = StopWords.roles(List.of("khai", "sinh", "thi", "mang"), known::contains);
        StopWords.Role[] exam = StopWords.roles(List.of("dang", "ky", "du", "thi", "tot", "nghiep"), known::contains);
        assertThat(filler[2]).isEqualTo(StopWords.Role.STOP);
        assertThat(exam[3]).isEqualTo(StopWords.Role.CONTENT);
    }

    /** Typed with Telex on a keyboard that did not convert it. */
    @Test
    void telexLeftoversAreReadAsTheSyllablesMeant() {
        assertAnswered("ddawng kys khai sinh cho con", "dang-ky-khai-sinh");
        assertAnswered("ddoori giaays pheps laí xe", "giay-phep-lai-xe");
    }

    /** The examples: a long question that names its procedure is answered about it. */
    @Test
    void longQuestionsThatNameTheirProcedureAreAnswered() {
        assertAnswered("Mẹ tôi vừa qua đời, nhà tôi phải làm khai tử ra sao?", "dang-ky-khai-tu");
        assertAnswered("Tôi định làm hộ chiếu đi nước ngoài chơi, nộp hồ sơ qua mạng thế nào?", "ho-chieu-pho-thong");
        assertAnswered("Không vào được tài khoản dịch vụ công, cứ báo sai mật khẩu", "tai-khoan-cong-dvc");
        // Still only a clarify question (birth registration or the combined procedure), never a fallback.
        SearchResult birth = kb.search(
                "Cháu nhà tôi mới sinh được mấy hôm, gia đình phải làm giấy tờ gì để khai sinh cho cháu?", 5);
        assertThat(birth.outcome()).isIn(SearchOutcome.ANSWER, SearchOutcome.CLARIFY);
        assertThat(birth.hits().get(0).topic().id()).isEqualTo("dang-ky-khai-sinh");
    }

    /** One shared phrase ("tại nhà") is not a reason to answer a health question with the postal topic. */
    @Test
    void aHomeRemedyIsNotAnsweredWithAProcedure() {
        SearchResult result = kb.search("cách chữa ho cho trẻ tại nhà bằng lá hẹ", 5);
        assertThat(result.outcome()).isNotEqualTo(SearchOutcome.ANSWER);
    }

    @Test
    void aFollowUpStaysOnThePreviousTopicAndANewSubjectMovesOn() {
        SearchResult fee = kb.search("thế lệ phí bao nhiêu?", 5, "ho-chieu-pho-thong");
        assertThat(fee.followUp()).isTrue();
        assertThat(fee.hits().get(0).topic().id()).isEqualTo("ho-chieu-pho-thong");

        // Answered as in a fresh conversation (who helps older people with VNeID), not with the land steps.
        SearchResult vneid = kb.search("toi 75 tuoi khong biet dung vneid thi lam sao", 5, "cap-giay-chung-nhan-lan-dau");
        SearchResult fresh = kb.search("toi 75 tuoi khong biet dung vneid thi lam sao", 5);
        assertThat(vneid.followUp()).isFalse();
        assertThat(vneid.outcome()).isEqualTo(SearchOutcome.ANSWER);
        assertThat(vneid.hits().get(0).topic().id()).isEqualTo(fresh.hits().get(0).topic().id())
                .isIn("tai-khoan-vneid", "ho-tro-nguoi-dan");

        for (String offTopic : List.of("giá vàng hôm nay bao nhiêu", "thời tiết mai có mưa không")) {
            assertThat(kb.search(offTopic, 5, "giay-phep-lai-xe").outcome()).as(offTopic).isNotEqualTo(SearchOutcome.ANSWER);
        }
    }

    /** Questions that name no procedure are about the one discussed before. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Lệ phí bao nhiêu?", "le phi bao nhieu", "mất bao nhiêu tiền ạ",
            "mất bao lâu vậy", "bao lâu thì có kết quả", "cần giấy tờ gì", "làm online được không?",
            "có làm trực tuyến được không", "nộp ở đâu", "các bước làm thế nào"})
    void bareFacetQuestionsAreFollowUps(String question) {
        SearchResult result = kb.search(question, 5, "dang-ky-ket-hon");
        assertThat(result.followUp()).as(question).isTrue();
        assertThat(result.hits().get(0).topic().id()).isEqualTo("dang-ky-ket-hon");
    }

    /** A facet question that names another procedure is about that one. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "làm căn cước online được không|the-can-cuoc", "đăng ký tạm trú mất bao lâu|dang-ky-tam-tru",
            "lệ phí làm hộ chiếu bao nhiêu|ho-chieu-pho-thong"})
    void facetQuestionsNamingAnotherProcedureMoveOn(String question, String topic) {
        SearchResult result = kb.search(question, 5, "dang-ky-ket-hon");
        assertThat(result.followUp()).as(question).isFalse();
        assertThat(result.outcome()).as(question).isEqualTo(SearchOutcome.ANSWER);
        assertThat(result.hits().get(0).topic().id()).as(question).isEqualTo(topic);
    }

    private static void assertAnswered(String question, String topic) {
        SearchResult result = kb.search(question, 5);
        assertThat(result.outcome()).as(question).isEqualTo(SearchOutcome.ANSWER);
        assertThat(result.hits().get(0).topic().id()).as(question).isEqualTo(topic);
    }
}
