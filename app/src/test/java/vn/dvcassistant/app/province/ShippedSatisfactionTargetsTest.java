package vn.dvcassistant.app.province;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped application.yml holds Decision 1588's targets, in force from 2025 on. */
@MicronautTest(startApplication = false)
class ShippedSatisfactionTargetsTest {

    @Inject
    SatisfactionTargets targets;

    @Test
    void decision1588TargetsAreShipped() {
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertThat(targets.target(null, day)).isEqualTo(0.90);
        assertThat(targets.target(Field.DAT_DAI, day)).isEqualTo(0.85);
        assertThat(targets.target(Field.XAY_DUNG, day)).isEqualTo(0.85);
        assertThat(targets.target(Field.DAU_TU, day)).isEqualTo(0.85);
        assertThat(targets.target(Field.CU_TRU, day)).isEqualTo(0.90);
    }
}
