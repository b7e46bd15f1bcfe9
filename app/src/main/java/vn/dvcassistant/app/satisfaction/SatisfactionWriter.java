package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for satisfaction ratings: ratings arriving together are inserted in one transaction,
 * so thousands per second cost a few hundred commits (each one a disk flush) instead of thousands.
 * A caller returns only after the transaction holding its rating has committed: a 201 always means
 * the rating is on disk. While one batch commits, the next one fills up, so a lone rating waits for
 * nothing but its own commit.
 */
@Singleton
public final class SatisfactionWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SatisfactionWriter.class);
    private static final int MAX_BATCH = 500;
    private static final int WRITERS = 2;
    private static final long WAIT_SECONDS = 30;

    private static final String INSERT = "INSERT INTO satisfaction_rating "
            + "(topic_id, field, agency, channel, level, satisfied, comment, rated_on, rated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One rating as stored; {@code agency} is '' when not given. */
    public record Row(String topicId, String field, String agency, String channel, String level, boolean satisfied,
                      @Nullable String comment, LocalDate ratedOn, Instant ratedAt) {
    }

    private record Pending(Row row, CompletableFuture<Long> id) {
    }

    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;

    public SatisfactionWriter(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::writeLoop, "satisfaction-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Stores the rating durably and returns its id; blocks until its transaction has committed. */
    public long insert(Row row) {
        CompletableFuture<Long> id = new CompletableFuture<>();
        try {
            if (!queue.offer(new Pending(row, id), WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Satisfaction writer queue full");
            }
            return id.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing a satisfaction rating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot store a satisfaction rating", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Storing a satisfaction rating timed out", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Nothing was committed: every caller of the batch gets the error, none a false 201.
                LOG.error("satisfaction_batch=failed size={}", batch.size(), e);
                batch.forEach(p -> p.id().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        long[] ids = transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(INSERT, new String[] {"id"})) {
                for (Pending pending : batch) {
                    Row row = pending.row();
                    insert.setString(1, row.topicId());
                    insert.setString(2, row.field());
                    insert.setString(3, row.agency());
                    insert.setString(4, row.channel());
                    insert.setString(5, row.level());
                    insert.setBoolean(6, row.satisfied());
                    insert.setString(7, row.comment());
                    insert.setObject(8, row.ratedOn());
                    insert.setTimestamp(9, Timestamp.from(row.ratedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
                long[] generated = new long[batch.size()];
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    for (int i = 0; i < generated.length && keys.next(); i++) {
                        generated[i] = keys.getLong(1);
                    }
                }
                return generated;
            } catch (SQLException e) {
                throw new IllegalStateException("Satisfaction batch insert failed", e);
            }
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).id().complete(ids[i]);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
        Pending pending;
        while ((pending = queue.poll()) != null) {
            pending.id().completeExceptionally(new IllegalStateException("Service stopping"));
        }
    }
}
