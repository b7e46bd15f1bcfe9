package vn.dvcassistant.app.database;

import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit: rows submitted together are written in one transaction, so thousands per second cost
 * a few hundred commits (each one a disk flush and a round trip) instead of thousands. A caller
 * returns only after the transaction holding its row has committed, so an acknowledgement always
 * means the row is on disk. While one batch commits, the next fills up; a lone row waits for nothing
 * but its own commit.
 *
 * <p>If a batch fails, its rows are written again one transaction each, so one bad row (a constraint
 * a concurrent erasure broke) fails only its own caller.
 *
 * <p>Callers must not hold a database connection while they wait: the writers need one each.
 *
 * @param <T> a row to write
 * @param <R> what writing it returns to its caller (a generated id, or nothing)
 */
public final class GroupCommit<T, R> {

    /** Nothing was written because the database could not take the row in time, or the service is stopping. */
    public static final class Unavailable extends IllegalStateException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes rows inside the transaction it is given, returning one result per row, in order. */
    @FunctionalInterface
    public interface BatchWrite<T, R> {
        List<R> write(Connection connection, List<T> rows) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final long WAIT_SECONDS = 30;
    /** How long stopping waits for the writers to commit what is already queued. */
    private static final long DRAIN_MILLIS = 5_000;

    private record Pending<T, R>(T row, CompletableFuture<R> result) {
    }

    private final String name;
    private final TransactionOperations<Connection> transactions;
    private final BatchWrite<T, R> batchWrite;
    private final int maxBatch;
    private final BlockingQueue<Pending<T, R>> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final long waitMillis;
    private volatile boolean stopping;

    public GroupCommit(String name, TransactionOperations<Connection> transactions, BatchWrite<T, R> batchWrite,
                       int writerThreads, int maxBatch, int queueCapacity) {
        this(name, transactions, batchWrite, writerThreads, maxBatch, queueCapacity, WAIT_SECONDS * 1000);
    }

    /** @param waitMillis how long a caller waits for its row to be taken by a writer (tests shorten it) */
    GroupCommit(String name, TransactionOperations<Connection> transactions, BatchWrite<T, R> batchWrite,
                int writerThreads, int maxBatch, int queueCapacity, long waitMillis) {
        this.waitMillis = waitMillis;
        this.name = name;
        this.transactions = transactions;
        this.batchWrite = batchWrite;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        for (int i = 0; i < writerThreads; i++) {
            Thread writer = new Thread(this::writeLoop, name + "-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** Writes the row durably; blocks until its transaction has committed. */
    public R submit(T row) {
        if (stopping) {
            throw new Unavailable(name + ": service stopping", null);
        }
        CompletableFuture<R> result = new CompletableFuture<>();
        Pending<T, R> pending = new Pending<>(row, result);
        try {
            if (!queue.offer(pending, waitMillis, TimeUnit.MILLISECONDS)) {
                throw new Unavailable(name + ": writer queue full", null);
            }
            try {
                return result.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                /*
                 * Still queued: take it out, so that "not written" is true and a retry cannot store it
                 * twice. Already in a batch: that batch commits or fails soon (the driver's socket timeout
                 * bounds it), and the caller must hear which.
                 */
                if (queue.remove(pending)) {
                    throw new Unavailable(name + ": write timed out", e);
                }
                return result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + ": interrupted while writing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": write failed", e.getCause());
        }
    }

    /** Rows waiting for a writer (tests wait on it instead of sleeping). */
    int queued() {
        return queue.size();
    }

    boolean isStopping() {
        return stopping;
    }

    private void writeLoop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                try {
                    write(batch);
                } catch (RuntimeException e) {
                    if (batch.size() == 1) {
                        throw e;
                    }
                    LOG.warn("{}_batch=failed size={} retrying=one_by_one", name, batch.size(), LoggedSqlError.of(e));
                    for (Pending<T, R> pending : batch) {
                        writeAlone(pending);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Nothing was committed: every caller of the batch gets the error, none a false success.
                LOG.error("{}_batch=failed size={}", name, batch.size(), LoggedSqlError.of(e));
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void writeAlone(Pending<T, R> pending) {
        try {
            write(List.of(pending));
        } catch (RuntimeException e) {
            LOG.error("{}_row=failed", name, LoggedSqlError.of(e));
            pending.result().completeExceptionally(e);
        }
    }

    private void write(List<Pending<T, R>> batch) {
        List<T> rows = batch.stream().map(Pending::row).toList();
        List<R> results = transactions.executeWrite(status -> {
            try {
                return batchWrite.write(status.getConnection(), rows);
            } catch (SQLException e) {
                throw new IllegalStateException(name + ": batch write failed", e);
            }
        });
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result().complete(results.get(i));
        }
    }

    /**
     * Refuses new rows, lets the writers commit what is queued (a caller already waiting gets its
     * answer, so a graceful shutdown loses no acknowledged row), then stops them. Rows still queued
     * after {@link #DRAIN_MILLIS} fail instead of waiting for the timeout.
     */
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        for (Thread writer : writers) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.forEach(Thread::interrupt);
        Pending<T, R> pending;
        while ((pending = queue.poll()) != null) {
            pending.result().completeExceptionally(new Unavailable(name + ": service stopping", null));
        }
    }
}
