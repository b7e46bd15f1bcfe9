package vn.dvcassistant.app.report;

import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POI (the DOCX report) logs through the Log4j API. Without a provider the API printed "ERROR Log4j API could
 * not find a logging provider" at every start, and POI's own warnings went nowhere.
 */
class PoiLoggingTest {

    @Test
    void poiMessagesGoToTheServiceLog() {
        assertThat(LogManager.getLogger("org.apache.poi").getClass().getName())
                .isEqualTo("org.apache.logging.slf4j.SLF4JLogger");
    }
}
