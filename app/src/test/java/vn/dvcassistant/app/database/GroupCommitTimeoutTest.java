package vn.dvcassistant.app.database;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A caller told "not written" after a timeout must be right, or its retry stores the row twice (a
 * satisfaction rating counted twice): a row still queued is taken out, and a row already in a batch
 * is waited for.
 */
@MicronautTest(transactional = false)
class GroupCommitTimeoutTest {

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aTimedOutRowIsNeverWrittenLaterAndARowInABatchIsWaitedFor() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer, Integer> writer = new GroupCommit<>("timeout_probe", transactions, (connection, rows) -> {
            firstBatchStarted.countDown();
            try {
                // The first batch hangs like a database that stopped answering, past the callers' wait.
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAll(rows);
            return rows;
        }, 1, 100, 1000, 300);
        try {
            CompletableFuture<Integer> inBatch = CompletableFuture.supplyAsync(() -> writer.submit(1));
            assertThat(firstBatchStarted.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> writer.submit(2)).isInstanceOf(GroupCommit.Unavailable.class)
                    .hasMessageContaining("timed out");
            Thread.sleep(400); // past the first caller's wait too: it must keep waiting for its batch
            assertThat(inBatch).isNotDone();

            release.countDown();
            assertThat(inBatch.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(writer.submit(3)).isEqualTo(3);
            assertThat(written).as("the row whose caller was told it failed").containsExactly(1, 3);
        } finally {
            release.countDown();
            writer.stop();
        }
    }
}
