package vn.dvcassistant.app.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Starts the embedded PostgreSQL and points the default datasource at it, but only when no
 * {@code datasources.default.url} is configured (DATASOURCES_DEFAULT_URL). It runs before the
 * datasource's own initialisation, which would otherwise fail for want of a URL.
 */
@Singleton
final class EmbeddedDatabaseStarter implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseStarter.class);
    private static final String USER = "postgres";

    private final EmbeddedDatabaseConfiguration configuration;
    private Path startedIn;

    EmbeddedDatabaseStarter(EmbeddedDatabaseConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!"default".equals(datasource.getName()) || datasource.getConfiguredUrl() != null) {
            return datasource;
        }
        Path dataDir = configuration.temporary()
                ? EmbeddedPostgresServers.temporaryDataDir()
                : configuration.dataDir();
        long start = System.nanoTime();
        EmbeddedPostgresServers.Running server = EmbeddedPostgresServers.start(dataDir, configuration.port(),
                !configuration.temporary());
        startedIn = dataDir;
        LOG.info("embedded_db=started dir={} port={} ms={}", dataDir.toAbsolutePath(), server.server().getPort(),
                (System.nanoTime() - start) / 1_000_000);
        datasource.setUrl(server.jdbcUrl());
        datasource.setUsername(USER);
        datasource.setPassword(server.password());
        return datasource;
    }

    @PreDestroy
    void stop() {
        if (startedIn != null && !configuration.temporary()) {
            EmbeddedPostgresServers.stop(startedIn);
            LOG.info("embedded_db=stopped dir={}", startedIn.toAbsolutePath());
        }
    }
}
