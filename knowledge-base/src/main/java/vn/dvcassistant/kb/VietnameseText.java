package vn.dvcassistant.kb;

import org.apache.lucene.analysis.icu.ICUFoldingFilter;

/** Text helpers shared by search and by callers that compare what citizens type. */
public final class VietnameseText {

    private VietnameseText() {
    }

    /**
     * Lower-cases and strips diacritics the way search does ("Đăng KÝ" → "dang ky"), keeping spaces and
     * punctuation. Null gives the empty string.
     */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return ICUFoldingFilter.NORMALIZER.normalize(text);
    }
}
