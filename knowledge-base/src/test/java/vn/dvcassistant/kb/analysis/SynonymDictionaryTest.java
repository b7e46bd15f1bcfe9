package vn.dvcassistant.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynonymDictionaryTest {

    @Test
    void storesFoldedPhrases() {
        SynonymDictionary.Builder b = SynonymDictionary.builder();
        assertThat(b.add("ĐKKD", "Đăng ký kinh doanh")).isEmpty();
        assertThat(b.build().canonicalByVariant()).containsEntry("dkkd", "dang ky kinh doanh");
    }

    @Test
    void refusesAVariantWithTwoMeanings() {
        SynonymDictionary.Builder b = SynonymDictionary.builder();
        assertThat(b.add("tt", "thông tư")).isEmpty();
        assertThat(b.add("tt", "tạm trú")).hasValueSatisfying(why -> assertThat(why).contains("already a variant"));
    }

    @Test
    void refusesEmptyPhrases() {
        assertThat(SynonymDictionary.builder().add("🙂", "mặt cười")).isPresent();
    }
}
