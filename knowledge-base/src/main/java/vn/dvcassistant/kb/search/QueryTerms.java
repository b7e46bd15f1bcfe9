package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.dvcassistant.kb.analysis.VietnameseAnalyzer;

/**
 * A query as the index sees it: its syllables in order (after folding and dictionary rewrites) and
 * its syllable bigrams.
 */
record QueryTerms(List<String> unigrams, List<String> bigrams) {

    QueryTerms {
        unigrams = List.copyOf(unigrams);
        bigrams = List.copyOf(bigrams);
    }

    static QueryTerms analyze(Analyzer analyzer, String text, int maxUnigrams) {
        List<String> unigrams = new ArrayList<>();
        List<String> bigrams = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                boolean bigram = VietnameseAnalyzer.BIGRAM_TYPE.equals(type.type());
                if (bigram) {
                    if (bigrams.size() < maxUnigrams - 1 && !term.toString().contains("_")) {
                        bigrams.add(term.toString());
                    }
                } else if (unigrams.size() < maxUnigrams) {
                    unigrams.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryTerms(unigrams, bigrams);
    }

    boolean isEmpty() {
        return unigrams.isEmpty();
    }
}
