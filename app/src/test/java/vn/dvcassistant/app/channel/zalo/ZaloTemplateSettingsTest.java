package vn.dvcassistant.app.channel.zalo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ZALO_TEMPLATE_FIELDS is checked when the service starts, not when the first answer is due. */
class ZaloTemplateSettingsTest {

    @Test
    void fieldsKeepTheirOrderAndSpacingIsIgnored() {
        ZaloTemplateSettings settings = new ZaloTemplateSettings("301234", " ma_gop_y:code , lien_ket: link,ngay:date");

        assertThat(settings.configured()).isTrue();
        assertThat(settings.parameters()).containsExactly(java.util.Map.entry("ma_gop_y", "code"),
                java.util.Map.entry("lien_ket", "link"), java.util.Map.entry("ngay", "date"));
    }

    @Test
    void anUnknownValueOrAMissingColonIsRefused() {
        assertThatThrownBy(() -> new ZaloTemplateSettings("301234", "ma_gop_y:code,ten:name"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ten:name");
        assertThatThrownBy(() -> new ZaloTemplateSettings("301234", "ma_gop_y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("param:value");
    }

    @Test
    void noIdMeansNoTemplate() {
        assertThat(new ZaloTemplateSettings(" ", null).configured()).isFalse();
        assertThat(new ZaloTemplateSettings(null, null).parameters()).isEmpty();
    }
}
