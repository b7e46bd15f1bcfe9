package vn.dvcassistant.kb.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Removes the emoji tokens {@link org.apache.lucene.analysis.icu.segmentation.ICUTokenizer} emits
 * ("🙏", "👍"), which carry no meaning for search. Unlike a stop filter it leaves no position gap, so
 * the syllables on either side of an emoji still form a bigram and no "_" filler bigram appears.
 */
public final class EmojiFilter extends TokenFilter {

    static final String EMOJI_TYPE = "<EMOJI>";

    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    public EmojiFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!EMOJI_TYPE.equals(type.type())) {
                return true;
            }
        }
        return false;
    }
}
