package vn.dvcassistant.kb.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * Analyzer for Vietnamese questions and answers about public services. The chain, top to bottom:
 *
 * <ol>
 *   <li>{@link ICUTokenizer}: splits text into syllables (Vietnamese writes one syllable per word; the
 *       tokenizer does not segment multi-syllable words, the bigrams below stand in for that);
 *   <li>{@link EmojiFilter}: drops emoji, which carry no meaning for search;
 *   <li>{@link LowerCaseFilter};
 *   <li>{@link ICUFoldingFilter}: strips diacritics and folds đ to d, so "dang ky khai sinh" and "Đăng ký
 *       khai sinh" analyze alike;
 *   <li>{@link SynonymGraphFilter}: rewrites abbreviations and variant spellings to one canonical
 *       phrase from the {@link SynonymDictionary} ("cccd" → "can cuoc cong dan", "ki" → "ky");
 *   <li>{@link ShingleFilter}(2, 2) with unigrams: adds syllable bigrams ("ket hon") so that a text
 *       holding the phrase outranks one that merely holds both syllables.
 * </ol>
 *
 * <p>The same chain runs at index and at query time; a query needs only its syllables ({@link #syllables}),
 * since the search forms its bigrams itself, after typo correction. Because the dictionary rewrites every variant to
 * exactly one canonical phrase (it never keeps the original next to it), the synonym step yields a
 * linear token stream and the bigrams stay meaningful.
 */
public final class VietnameseAnalyzer extends Analyzer {

    /** Type of the syllable bigrams, as set by {@link ShingleFilter}. */
    public static final String BIGRAM_TYPE = ShingleFilter.DEFAULT_TOKEN_TYPE;

    private final SynonymMap synonyms;
    private final boolean bigrams;

    public VietnameseAnalyzer(SynonymDictionary dictionary) {
        this(dictionary.toSynonymMap(), true);
    }

    private VietnameseAnalyzer(SynonymMap synonyms, boolean bigrams) {
        this.synonyms = synonyms;
        this.bigrams = bigrams;
    }

    /**
     * The same chain without the bigram step: the syllables exactly as this analyzer emits them, at about
     * two thirds of the cost (buffering tokens for bigrams was a third of analysing a question).
     */
    public VietnameseAnalyzer syllables() {
        return new VietnameseAnalyzer(synonyms, false);
    }

    /** An analyzer without abbreviation expansion (tests, and normalising the dictionary itself). */
    public VietnameseAnalyzer() {
        this(SynonymDictionary.EMPTY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new ICUTokenizer();
        TokenStream stream = new EmojiFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ICUFoldingFilter(stream);
        if (synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
        }
        if (!bigrams) {
            return new TokenStreamComponents(source, stream);
        }
        ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
        shingles.setOutputUnigrams(true);
        return new TokenStreamComponents(source, shingles);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new LowerCaseFilter(in));
    }
}
