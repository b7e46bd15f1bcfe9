package vn.dvcassistant.app;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/** Logs the time from JVM start to accepting requests: the start-to-ready figure we promise (≤ 5 s). */
@Singleton
final class ReadyTimeLogger {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyTimeLogger.class);

    @EventListener
    void onReady(ServerStartupEvent event) {
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("ready url={} start_to_ready_ms={}", event.getSource().getURL(), ms);
    }
}
