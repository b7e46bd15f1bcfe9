package vn.dvcassistant.app.database;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server older than PostgreSQL 13 is refused at start with a message saying what to do; 13 and newer are
 * accepted. No old server is at hand, so the decision is tested with the version numbers such servers report,
 * and a start on a real server shows the check runs before any migration.
 */
class MinimumPostgresVersionTest {

    @TempDir
    Path dir;

    @Test
    void aServerOlderThan13IsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> MinimumPostgresVersion.refuseOlderThan13(120022, "12.22"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL 12.22").hasMessageContaining("PostgreSQL 13 or newer")
                .hasMessageContaining("pg_upgrade").hasMessageContaining("Nothing was written");
        assertThatThrownBy(() -> MinimumPostgresVersion.refuseOlderThan13(90624, "9.6.24"))
                .hasMessageContaining("PostgreSQL 9.6.24");
        assertThatThrownBy(() -> MinimumPostgresVersion.refuseOlderThan13(129999, "12.99"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void postgres13AndNewerAreAccepted() {
        assertThatCode(() -> MinimumPostgresVersion.refuseOlderThan13(130000, "13.0")).doesNotThrowAnyException();
        assertThatCode(() -> MinimumPostgresVersion.refuseOlderThan13(150014, "15.14")).doesNotThrowAnyException();
        assertThatCode(() -> MinimumPostgresVersion.refuseOlderThan13(170006, "17.6 (Debian 17.6-1)"))
                .doesNotThrowAnyException();
    }

    @Test
    void theServerIsCheckedBeforeFlywayMigratesIt() {
        Logger check = (Logger) LoggerFactory.getLogger(MinimumPostgresVersion.class);
        Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
        Level checkLevel = check.getLevel();
        Level flywayLevel = flyway.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        check.setLevel(Level.INFO);
        flyway.setLevel(Level.INFO);
        check.addAppender(events);
        flyway.addAppender(events);
        Map<String, Object> config = new HashMap<>(OwnEmbeddedDatabase.properties(dir.resolve("pg")));
        config.put("micronaut.server.port", -1);
        try (ApplicationContext context = ApplicationContext.run(config, "test")) {
            context.getBean(javax.sql.DataSource.class);
        } finally {
            OwnEmbeddedDatabase.stop(dir.resolve("pg"));
            check.detachAppender(events);
            flyway.detachAppender(events);
            check.setLevel(checkLevel);
            flyway.setLevel(flywayLevel);
        }
        List<String> messages = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        int checked = indexOf(messages, "postgres_version=" + EmbeddedPostgresServers.MAJOR_VERSION);
        int migrated = indexOf(messages, "Migrating schema");
        assertThat(checked).as("the version check ran: %s", messages).isGreaterThanOrEqualTo(0);
        assertThat(migrated).as("a fresh database is migrated: %s", messages).isGreaterThanOrEqualTo(0);
        assertThat(checked).as("checked before the first migration").isLessThan(migrated);
    }

    private static int indexOf(List<String> messages, String start) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
