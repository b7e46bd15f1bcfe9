package vn.dvcassistant.app.province;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SatisfactionTargetsTest {

    private static SatisfactionTargetPeriod period(int index, String from, double overall, List<String> fields,
                                                   Double fieldTarget) {
        SatisfactionTargetPeriod p = new SatisfactionTargetPeriod(index);
        p.setFrom(LocalDate.parse(from));
        p.setOverall(overall);
        p.setFields(fields);
        p.setFieldTarget(fieldTarget);
        return p;
    }

    @Test
    void withoutConfigurationDecision1588Applies() {
        SatisfactionTargets targets = new SatisfactionTargets(List.of());
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(targets.target(null, day)).isEqualTo(0.90);
        assertThat(targets.target(Field.DAT_DAI, day)).isEqualTo(0.85);
        assertThat(targets.target(Field.HO_TICH, day)).isEqualTo(0.90);
        assertThat(targets.fieldsWithOwnTarget(day)).containsExactly(Field.DAT_DAI, Field.XAY_DUNG, Field.DAU_TU);
    }

    @Test
    void aLaterPeriodTakesOverFromItsFirstDay() {
        SatisfactionTargets targets = new SatisfactionTargets(List.of(
                period(0, "2025-01-01", 0.90, List.of("dat-dai", "xay-dung", "dau-tu"), 0.85),
                period(1, "2026-01-01", 0.95, List.of(), null)));
        assertThat(targets.target(Field.XAY_DUNG, LocalDate.of(2025, 12, 31))).isEqualTo(0.85);
        assertThat(targets.target(null, LocalDate.of(2025, 12, 31))).isEqualTo(0.90);
        assertThat(targets.target(Field.XAY_DUNG, LocalDate.of(2026, 1, 1))).isEqualTo(0.95);
        assertThat(targets.target(null, LocalDate.of(2026, 7, 1))).isEqualTo(0.95);
        assertThat(targets.fieldsWithOwnTarget(LocalDate.of(2026, 7, 1))).isEmpty();
        // Before the first period its targets apply rather than none.
        assertThat(targets.target(null, LocalDate.of(2024, 3, 1))).isEqualTo(0.90);
    }

    @Test
    void aWrongEntryStopsTheStart() {
        assertThatThrownBy(() -> new SatisfactionTargets(List.of(period(0, "2025-01-01", 90, List.of(), null))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("overall");
        assertThatThrownBy(() -> new SatisfactionTargets(List.of(period(0, "2025-01-01", 0.9, List.of("dat"), 0.85))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown field dat");
        assertThatThrownBy(() -> new SatisfactionTargets(List.of(period(0, "2025-01-01", 0.9, List.of("dat-dai"), null))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("field-target");
    }
}
