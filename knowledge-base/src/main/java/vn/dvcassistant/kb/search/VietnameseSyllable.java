package vn.dvcassistant.kb.search;

import java.util.regex.Pattern;

/**
 * Whether a folded token has the shape of a Vietnamese syllable (onset, vowels, final consonant).
 * Compound words ("thời tiết", "du lịch") are made of such syllables; a token of another shape
 * ("vneid", "hotline", "online") is a whole word on its own, so it forms no phrase with its neighbour.
 */
final class VietnameseSyllable {

    private static final Pattern SHAPE = Pattern.compile(
            "(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?[aeiouy]{1,3}(ch|ng|nh|c|m|n|p|t)?");

    private VietnameseSyllable() {
    }

    static boolean hasShape(String folded) {
        return SHAPE.matcher(folded).matches();
    }
}
