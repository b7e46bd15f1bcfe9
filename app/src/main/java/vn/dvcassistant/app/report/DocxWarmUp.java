package vn.dvcassistant.app.report;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.util.List;

/**
 * Loads POI's Word classes and schemas once, in the background, when the service starts: the first
 * document otherwise pays several seconds for it, which an officer waiting for the report would see.
 */
@Singleton
final class DocxWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(DocxWarmUp.class);

    @EventListener
    void onStartup(StartupEvent event) {
        Thread thread = new Thread(() -> {
            try {
                DocxReport.write(new ReportDocument("", List.of(""), List.of(new ReportDocument.Section("", List.of(),
                        List.of(new ReportDocument.Table(List.of(""), List.of()))))), OutputStream.nullOutputStream());
            } catch (Exception | LinkageError e) {
                LOG.warn("docx_warm_up=failed error={}", e.getClass().getSimpleName());
            }
        }, "docx-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
