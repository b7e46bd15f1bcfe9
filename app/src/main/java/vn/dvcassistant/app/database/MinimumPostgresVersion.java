package vn.dvcassistant.app.database;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Refuses a PostgreSQL server older than 13 before Flyway touches it: the schema needs {@code xid8}
 * (the satisfaction roll-up keeps transaction ids), which older servers lack, and a migration failing halfway through on an
 * old server tells the operator much less than this message does. Runs first among the listeners on a new
 * datasource, so nothing is written to a server that is refused.
 */
@Singleton
final class MinimumPostgresVersion implements BeanCreatedEventListener<DataSource>, Ordered {

    /** {@code server_version_num} of PostgreSQL 13.0. */
    static final int MINIMUM = 130000;
    private static final Logger LOG = LoggerFactory.getLogger(MinimumPostgresVersion.class);

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        int versionNum;
        String version;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT current_setting('server_version_num')::int, current_setting('server_version')")) {
            row.next();
            versionNum = row.getInt(1);
            version = row.getString(2);
        } catch (SQLException e) {
            // An unreachable server is reported by the migration that follows, as before this check.
            LOG.warn("postgres_version=unknown reason=\"{}\"", e.getMessage());
            return dataSource;
        }
        refuseOlderThan13(versionNum, version);
        LOG.info("postgres_version={}", versionNum);
        return dataSource;
    }

    /**
     * @param versionNum the server's {@code server_version_num} (e.g. 120022 for 12.22)
     * @param version    its {@code server_version}, for the message
     */
    static void refuseOlderThan13(int versionNum, String version) {
        if (versionNum < MINIMUM) {
            throw new IllegalStateException("The database server runs PostgreSQL " + version + " (server_version_num "
                    + versionNum + "), and this service needs PostgreSQL 13 or newer (it uses the xid8 type). "
                    + "Nothing was written to it. Upgrade the server (pg_upgrade, or pg_dump and pg_restore into a "
                    + "new one) and start the service again; README: production database.");
        }
    }

    @Override
    public int getOrder() {
        // Before Flyway's migration runner, which listens to the same event with the default order.
        return HIGHEST_PRECEDENCE;
    }
}
