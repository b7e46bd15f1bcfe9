package vn.dvcassistant.app.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows written together against real PostgreSQL: each caller returns after its row is committed, and
 * one bad row in a batch fails only its own caller while the others are stored.
 */
@MicronautTest(transactional = false)
class GroupCommitTest {

    @Inject
    TransactionOperations<Connection> transactions;

    private GroupCommit<Integer, Integer> writer;
    private final List<List<Integer>> batchesTried = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The slow batch (row 1000) has started and holds the only writer until released. */
    private CountDownLatch slowBatchStarted;
    private CountDownLatch releaseSlowBatch;

    @BeforeEach
    void table() {
        slowBatchStarted = new CountDownLatch(1);
        releaseSlowBatch = new CountDownLatch(1);
        sql("CREATE TABLE IF NOT EXISTS group_commit_probe (n INTEGER PRIMARY KEY CHECK (n >= 0))");
        sql("DELETE FROM group_commit_probe");
        // One writer and a slow first batch, so the rows submitted meanwhile queue up into one batch.
        writer = new GroupCommit<>("probe", transactions, (connection, rows) -> {
            batchesTried.add(List.copyOf(rows));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO group_commit_probe VALUES (?)")) {
                for (int n : rows) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            pause(rows);
            return rows;
        }, 1, 100, 1000);
    }

    @AfterEach
    void stop() {
        releaseSlowBatch.countDown();
        writer.stop();
    }

    @Test
    void everyCallerReturnsAfterItsRowIsCommittedAndABadRowFailsAlone() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            results.add(callers.submit(() -> writer.submit(1000))); // the slow batch the others queue behind
            assertThat(slowBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int n = -1; n < 10; n++) {
                int row = n;
                results.add(callers.submit(() -> {
                    int written = writer.submit(row);
                    // Returned only after commit: another connection sees the row.
                    assertThat(count("SELECT count(*) FROM group_commit_probe WHERE n = " + row)).isEqualTo(1);
                    return written;
                }));
            }
            awaitQueued(11);
            releaseSlowBatch.countDown();
            assertThat(results.get(0).get()).isEqualTo(1000);
            assertThatThrownBy(() -> results.get(1).get()).hasMessageContaining("probe");
            for (int i = 2; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i - 2);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM group_commit_probe")).isEqualTo(11);
        // The bad row did come in a batch with good ones, which were then stored one by one.
        assertThat(batchesTried).anyMatch(batch -> batch.contains(-1) && batch.size() > 1);
    }

    @Test
    void stoppingCommitsWhatIsQueuedAndRefusesNewRows() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            results.add(callers.submit(() -> writer.submit(1000))); // slow: the rest queue behind it
            assertThat(slowBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int n = 0; n < 5; n++) {
                int row = n;
                results.add(callers.submit(() -> writer.submit(row)));
            }
            awaitQueued(5);
            // Stopped while the slow batch is still committing and five rows wait.
            // On a thread of its own: the six callers' threads are all waiting for their rows.
            Thread stopper = new Thread(writer::stop, "group-commit-stopper");
            stopper.start();
            awaitCondition(writer::isStopping);
            releaseSlowBatch.countDown();
            stopper.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(stopper.isAlive()).as("stop() returned").isFalse();

            for (Future<Integer> result : results) {
                assertThat(result.get()).isNotNull(); // every waiting caller got its success
            }
            assertThat(count("SELECT count(*) FROM group_commit_probe")).isEqualTo(6);
            assertThatThrownBy(() -> writer.submit(7)).hasMessageContaining("stopping");
            assertThat(count("SELECT count(*) FROM group_commit_probe WHERE n = 7")).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    private void pause(List<Integer> rows) {
        if (rows.contains(1000)) {
            slowBatchStarted.countDown();
            try {
                if (!releaseSlowBatch.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the slow batch was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitQueued(int rows) {
        awaitCondition(() -> writer.queued() == rows);
    }

    /** Polls {@code condition} until it holds, for at most 10 s. */
    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private void sql(String statement) {
        transactions.executeWrite(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(statement)) {
                return s.execute();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long count(String query) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(query); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
