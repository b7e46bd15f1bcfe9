package vn.dvcassistant.app.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator who forgot DVC_PUBLIC_URL is told at start, before a printed QR code points at localhost. */
class PublicAddressWarningTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(PublicAddressWarning.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logs);
    }

    @Test
    void unsetPublicAddressIsAWarningAtStart() {
        new PublicAddressWarning(new PublicAddress(" ")).onStartup(null);

        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("DVC_PUBLIC_URL is not set").contains("relative links");
        });
    }

    @Test
    void aSetPublicAddressSaysNothing() {
        new PublicAddressWarning(new PublicAddress("https://dvc.tinh.gov.vn")).onStartup(null);

        assertThat(logs.list).isEmpty();
    }
}
