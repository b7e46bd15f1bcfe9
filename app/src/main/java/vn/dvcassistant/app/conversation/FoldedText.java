package vn.dvcassistant.app.conversation;

import vn.dvcassistant.kb.VietnameseText;

import java.util.Arrays;
import java.util.List;

/**
 * A message lower-cased, without diacritics and punctuation, words separated by one space, so that
 * "Lệ phí bao nhiêu?" and "le phi bao nhieu" are the same for keyword rules.
 */
record FoldedText(String text) {

    static FoldedText of(String raw) {
        String folded = VietnameseText.fold(raw).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return new FoldedText(folded);
    }

    List<String> words() {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }

    /** True when {@code phrase} (already folded) occurs as whole words. */
    boolean containsPhrase(String phrase) {
        return (" " + text + " ").contains(" " + phrase + " ");
    }

    /** The text without every occurrence of {@code phrase} as whole words. */
    FoldedText without(String phrase) {
        String padded = (" " + text + " ").replace(" " + phrase + " ", " ");
        return new FoldedText(padded.trim().replaceAll(" +", " "));
    }
}
