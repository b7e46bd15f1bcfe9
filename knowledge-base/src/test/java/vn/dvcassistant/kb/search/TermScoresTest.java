package vn.dvcassistant.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.VietnameseText;
import vn.dvcassistant.kb.content.ContentLoader;
import vn.dvcassistant.kb.content.ContentSource;
import vn.dvcassistant.kb.content.LoadedContent;

/**
 * The precomputed score table must rank exactly as Lucene's query does: it replaces that query, and
 * every accuracy figure was measured with Lucene's scoring.
 */
class TermScoresTest {

    /** Float sums in another order differ in the last bits; a real difference is far larger. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @Test
    void tableRanksEveryEvalQuestionLikeLucenesQuery() throws IOException {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        TopicIndex index = TopicIndex.build(content.topics(), content.synonyms());
        assertRanksLikeLucene(index, evalQuestions(1));
    }

    /**
     * Large knowledge bases are indexed in parallel into several segments, whose statistics the table
     * must sum as Lucene does. Copies of the real topics, each keeping a different share of its
     * questions and keywords, so that their scores differ.
     */
    @Test
    void tableRanksLikeLucenesQueryOnAMultiSegmentIndex() throws IOException {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        List<Topic> topics = new ArrayList<>();
        for (int copy = 0; topics.size() < 3_000; copy++) {
            for (Topic t : content.topics()) {
                int keep = 1 + copy % t.questions().size();
                topics.add(new Topic(t.id() + "-" + copy, t.title(), t.field(), t.authority(), t.online(),
                        t.summary(), t.steps(), t.documents(), t.fee(), t.processingTime(), t.legalBasis(),
                        t.officialUrl(), t.questions().subList(0, keep),
                        t.keywords().subList(0, Math.min(t.keywords().size(), copy % 5)), t.sources(),
                        t.reviewed(), t.reviewBy(), t.kind(), t.shortAnswer(), t.procedureCodes()));
            }
        }
        TopicIndex index = TopicIndex.build(topics, content.synonyms());
        assertTrue(index.segments() > 1, "built in parallel into several segments");
        assertRanksLikeLucene(index, evalQuestions(7));
    }

    /** Every {@code step}-th question of the eval sets, as written and without diacritics. */
    private static List<String> evalQuestions(int step) {
        List<String> questions = new ArrayList<>();
        for (String set : List.of("eval/questions.tsv", "eval/holdout.tsv", "eval/holdout2.tsv")) {
            List<EvalSet.Item> items = EvalSet.fromClasspath(set).items();
            for (int i = 0; i < items.size(); i += step) {
                questions.add(items.get(i).question());
                questions.add(VietnameseText.fold(items.get(i).question()));
            }
        }
        return questions;
    }

    private static void assertRanksLikeLucene(TopicIndex index, List<String> questions) throws IOException {
        int compared = 0;
        for (String question : questions) {
            ScoreDoc[][] both = index.bothRetrievals(question, 10);
            ScoreDoc[] table = both[0];
            ScoreDoc[] lucene = both[1];
            assertEquals(lucene.length, table.length, () -> "hit count for: " + question);
            for (int i = 0; i < lucene.length; i++) {
                double expected = lucene[i].score;
                assertEquals(expected, table[i].score, expected * RELATIVE_TOLERANCE, "score " + i + " for: " + question);
                boolean tiedAbove = i > 0 && lucene[i - 1].score - lucene[i].score <= expected * RELATIVE_TOLERANCE;
                boolean tiedBelow = i + 1 < lucene.length && lucene[i].score - lucene[i + 1].score <= expected * RELATIVE_TOLERANCE;
                if (!tiedAbove && !tiedBelow) {
                    // Documents whose scores differ only by rounding may come in either order.
                    assertEquals(lucene[i].doc, table[i].doc, "document " + i + " for: " + question);
                }
            }
            compared += lucene.length;
        }
        assertTrue(compared > questions.size(), "most questions have hits");
    }
}
