package vn.dvcassistant.kb.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class VietnameseSyllableTest {

    @ParameterizedTest
    @ValueSource(strings = {"thoi", "tiet", "du", "lich", "nghieng", "truong", "khuya", "gi", "a", "quyen", "oanh"})
    void foldedVietnameseSyllablesHaveTheShape(String syllable) {
        assertThat(VietnameseSyllable.hasShape(syllable)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vneid", "hotline", "online", "bitcoin", "zalo", "4g", "cmnd"})
    void loanwordsAndAbbreviationsDoNot(String token) {
        assertThat(VietnameseSyllable.hasShape(token)).isFalse();
    }
}
