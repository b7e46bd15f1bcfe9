package vn.dvcassistant.kb;

import java.text.Normalizer;
import java.util.Locale;

/** TEMPORARY stand-in for the knowledge-base module's folding helper (branch kb). Deleted when kb is merged. */
public final class VietnameseText {

    private VietnameseText() {
    }

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
