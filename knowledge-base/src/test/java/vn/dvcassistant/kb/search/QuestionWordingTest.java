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

    private static void assertAnswered(String question, String topic) {
        SearchResult result = kb.search(question, 5);
        assertThat(result.outcome()).as(question).isEqualTo(SearchOutcome.ANSWER);
        assertThat(result.hits().get(0).topic().id()).as(question).isEqualTo(topic);
    }
}
