package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A query as the index sees it: its syllables in order (after folding and dictionary rewrites). The
 * search forms the bigrams itself, from the syllables and their typo corrections.
 */
record QueryTerms(List<String> unigrams) {

    QueryTerms {
        unigrams = List.copyOf(unigrams);
    }

    /** @param syllables an analyzer that emits syllables only ({@code VietnameseAnalyzer.syllables()}) */
    static QueryTerms analyze(Analyzer syllables, String text, int maxUnigrams) {
        List<String> unigrams = new ArrayList<>();
        try (TokenStream stream = syllables.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (unigrams.size() < maxUnigrams) {
                    unigrams.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryTerms(unigrams);
    }

    boolean isEmpty() {
        return unigrams.isEmpty();
    }
}
