package vn.dvcassistant.kb.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The first steps of {@link VietnameseAnalyzer} (tokenize, drop emoji, lower case, fold): turns a
 * phrase into the folded syllables the synonym step sees. Used to normalise dictionary entries so
 * that editors may write them with or without diacritics.
 */
final class SyllableNormalizer {

    private static final Analyzer FOLDING = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new ICUTokenizer();
            TokenStream stream = new EmojiFilter(source);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(source, new ICUFoldingFilter(stream));
        }
    };

    private SyllableNormalizer() {
    }

    static List<String> syllables(String phrase) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = FOLDING.tokenStream("", phrase)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
