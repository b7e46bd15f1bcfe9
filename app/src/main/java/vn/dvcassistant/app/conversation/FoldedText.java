package vn.dvcassistant.app.conversation;

import vn.dvcassistant.kb.VietnameseText;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message lower-cased, without diacritics and punctuation, words separated by one space, so that
 * "Lệ phí bao nhiêu?" and "le phi bao nhieu" are the same for keyword rules.
 */
record FoldedText(String text) {

    private static final Pattern NOT_LETTERS_OR_DIGITS = Pattern.compile("[^\\p{L}\\p{N}]+");

    static FoldedText of(String raw) {
        String folded = NOT_LETTERS_OR_DIGITS.matcher(VietnameseText.fold(raw)).replaceAll(" ").trim();
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
