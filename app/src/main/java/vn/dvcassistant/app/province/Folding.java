package vn.dvcassistant.app.province;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese text compared as people type it: without diacritics, case or extra spaces. */
public final class Folding {

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
