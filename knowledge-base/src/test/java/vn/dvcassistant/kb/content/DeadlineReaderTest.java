package vn.dvcassistant.kb.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.Deadline;
import vn.dvcassistant.kb.Topic;

/** The optional deadline of an entry: only one the entry's own text states, checked when content loads. */
class DeadlineReaderTest {

    private static final String BIRTH = "ho-tich/dang-ky-khai-sinh.yml";

    @Test
    void thePackagedEntriesStateTheirDeadlines() {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        Topic birth = topic(content, "dang-ky-khai-sinh");
        assertThat(birth.deadline()).isEqualTo(new Deadline(60, false, "ngày sinh của bé", "trong 60 ngày kể từ ngày sinh"));
        assertThat(birth.deadline().due(LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2027, 1, 30));
        Topic benefit = topic(content, "tro-cap-that-nghiep");
        assertThat(benefit.deadline().months()).isTrue();
        assertThat(benefit.deadline().due(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(topic(content, "dang-ky-ket-hon").deadline()).as("no deadline stated, none offered").isNull();
    }

    @Test
    void aQuoteTheEntryDoesNotContainIsRefused() throws IOException {
        List<ContentProblem> problems = parse(withDeadline("""
                deadline:
                  days: 30
                  from: ngày sinh của bé
                  quote: trong 30 ngày kể từ ngày sinh
                """));
        assertThat(problems).extracting(ContentProblem::field).containsOnly("deadline");
        assertThat(problems.get(0).message()).contains("is not in the entry");
    }

    @Test
    void aNumberThatDiffersFromTheQuoteIsRefused() throws IOException {
        List<ContentProblem> problems = parse(withDeadline("""
                deadline:
                  days: 90
                  from: ngày sinh của bé
                  quote: trong 60 ngày kể từ ngày sinh
                """));
        assertThat(problems).extracting(ContentProblem::message).anyMatch(m -> m.contains("does not contain the number 90"));
    }

    @Test
    void daysAndMonthsTogetherOrAMissingEventAreRefused() throws IOException {
        assertThat(parse(withDeadline("""
                deadline:
                  days: 60
                  months: 2
                  from: ngày sinh
                  quote: trong 60 ngày kể từ ngày sinh
                """))).extracting(ContentProblem::message).anyMatch(m -> m.contains("exactly one of days or months"));
        assertThat(parse(withDeadline("""
                deadline:
                  days: 60
                  quote: trong 60 ngày kể từ ngày sinh
                """))).extracting(ContentProblem::message).anyMatch(m -> m.contains("from:"));
        assertThat(parse(withDeadline("deadline: 60 ngày\n"))).extracting(ContentProblem::message)
                .anyMatch(m -> m.contains("must be a mapping"));
    }

    private static Topic topic(LoadedContent content, String id) {
        return content.topics().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** The packaged birth-registration entry with its deadline replaced. */
    private static String withDeadline(String block) throws IOException {
        String text = ContentSource.classpath().read().stream().filter(f -> f.path().equals(BIRTH)).findFirst()
                .orElseThrow().text();
        int start = text.indexOf("deadline:");
        int end = text.indexOf("legal_basis:");
        return text.substring(0, start) + block + text.substring(end);
    }

    private static List<ContentProblem> parse(String text) {
        List<ContentProblem> problems = new ArrayList<>();
        Optional<Topic> topic = new ContentLoader().parseTopic(new ContentFile(BIRTH, text), problems);
        assertThat(topic).isEmpty();
        return problems;
    }
}
