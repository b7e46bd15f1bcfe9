package vn.dvcassistant.app.database;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch PostgreSQL refuses is logged without the citizens' words or tracking codes it held. */
@MicronautTest(transactional = false)
class GroupCommitLogTest {

    private static final String CITIZEN_TEXT = "Tôi tên Nguyễn Văn An, nhà ở số 12 ngõ 34";
    private static final String TRACKING_CODE = "GY-7K3M9Q";

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aFailedBatchIsLoggedWithoutTheValuesItHeld() throws Exception {
        transactions.executeWrite(status -> {
            try (PreparedStatement ddl = status.getConnection().prepareStatement(
                    "CREATE TABLE IF NOT EXISTS group_commit_log_probe (code VARCHAR(16) PRIMARY KEY, text VARCHAR(20))")) {
                ddl.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        Logger logger = (Logger) LoggerFactory.getLogger(GroupCommit.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        GroupCommit<String, String> writer = new GroupCommit<>("probe_log", transactions, (connection, rows) -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO group_commit_log_probe (code, text) VALUES (?, ?)")) {
                for (String code : rows) {
                    insert.setString(1, code);
                    insert.setString(2, CITIZEN_TEXT); // too long for its column: every row fails
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return rows;
        }, 1, 100, 1000);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String code = i == 0 ? TRACKING_CODE : "GY-00000" + i;
                results.add(callers.submit(() -> writer.submit(code)));
            }
            for (Future<String> result : results) {
                assertThatThrownBy(result::get).isNotNull();
            }
        } finally {
            callers.shutdownNow();
            writer.stop();
            logger.detachAppender(appender);
        }

        assertThat(appender.list).as("the failures are logged").isNotEmpty();
        for (ILoggingEvent event : appender.list) {
            String logged = event.getFormattedMessage() + throwableText(event.getThrowableProxy());
            assertThat(logged).doesNotContain(CITIZEN_TEXT, "Nguyễn", TRACKING_CODE, "INSERT INTO")
                    .contains("sqlstate=22001");
        }
    }

    private static String throwableText(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return text.toString();
    }
}
