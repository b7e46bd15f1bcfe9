package vn.dvcassistant.app.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WilsonIntervalTest {

    @Test
    void ninetyOutOfAHundred() {
        WilsonInterval interval = WilsonInterval.of(90, 100);
        assertThat(interval.low()).isCloseTo(0.8256, within(0.00005));
        assertThat(interval.high()).isCloseTo(0.9448, within(0.00005));
    }

    @Test
    void allSatisfiedStaysBelowOne() {
        WilsonInterval interval = WilsonInterval.of(10, 10);
        assertThat(interval.high()).isCloseTo(1.0, within(1e-9));
        assertThat(interval.low()).isCloseTo(0.7225, within(0.00005));
    }

    @Test
    void noRatingsNoInterval() {
        assertThat(WilsonInterval.of(0, 0)).isNull();
        assertThat(SatisfactionFigure.of(null, null, 0, 0, 0.9).status()).isEqualTo("undecided");
    }

    @Test
    void statusAgainstTarget() {
        assertThat(WilsonInterval.of(980, 1000).against(0.90)).isEqualTo(TargetStatus.MET);
        assertThat(WilsonInterval.of(800, 1000).against(0.90)).isEqualTo(TargetStatus.NOT_MET);
        assertThat(WilsonInterval.of(90, 100).against(0.90)).isEqualTo(TargetStatus.UNDECIDED);
        // The same 88% meets the land/construction/investment target and misses the overall one.
        assertThat(WilsonInterval.of(880, 1000).against(0.85)).isEqualTo(TargetStatus.MET);
        assertThat(WilsonInterval.of(880, 1000).against(0.90)).isEqualTo(TargetStatus.NOT_MET);
    }
}
