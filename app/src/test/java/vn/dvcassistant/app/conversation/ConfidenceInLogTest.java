package vn.dvcassistant.app.conversation;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange log line's confidence reads as String.format("%.2f") would write it. */
class ConfidenceInLogTest {

    @Test
    void confidencesReadAsTwoDecimals() {
        assertThat(ConversationEngine.twoDecimals(1.0)).isEqualTo("1.00");
        assertThat(ConversationEngine.twoDecimals(0.0)).isEqualTo("0.00");
        assertThat(ConversationEngine.twoDecimals(0.07)).isEqualTo("0.07");
        assertThat(ConversationEngine.twoDecimals(0.9271)).isEqualTo("0.93");
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            double confidence = i % 2 == 0 ? random.nextDouble() : i / 10_000.0;
            assertThat(ConversationEngine.twoDecimals(confidence)).as("%s", confidence)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", confidence));
        }
    }
}
