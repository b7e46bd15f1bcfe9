package vn.dvcassistant.kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.VietnameseText;
import vn.dvcassistant.kb.content.ContentLoader;
import vn.dvcassistant.kb.content.ContentSource;
import vn.dvcassistant.kb.content.LoadedContent;

/**
 * The precomputed score table must rank exactly as Lucene's query does: it replaces that query on
 * small indexes, and every accuracy figure was measured with Lucene's scoring.
 */
class TermScoresTest {

    /** Float sums in another order differ in the last bits; a real difference is far larger. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @Test
    void tableRanksEveryEvalQuestionLikeLucenesQuery() throws IOException {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        TopicIndex index = TopicIndex.build(content.topics(), content.synonyms());
        List<String> questions = new ArrayList<>();
        for (String set : List.of("eval/questions.tsv", "eval/holdout.tsv", "eval/holdout2.tsv")) {
            for (EvalSet.Item item : EvalSet.fromClasspath(set).items()) {
                questions.add(item.question());
                questions.add(VietnameseText.fold(item.question()));
            }
        }
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
