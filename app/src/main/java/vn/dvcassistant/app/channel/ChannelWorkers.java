package vn.dvcassistant.app.channel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background threads of one channel, with a bounded queue. Each channel has its own, so a channel
 * whose API hangs (and whose senders sleep between retries) fills only its own queue. When the queue is
 * full, {@link #submit} refuses at once instead of blocking the webhook.
 */
public final class ChannelWorkers implements AutoCloseable {

    private final ThreadPoolExecutor executor;
    /** Submitted and not finished: waiting in the queue or being run. */
    private final AtomicInteger unfinished = new AtomicInteger();

    public ChannelWorkers(String name, int threads, int queueCapacity) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
    }

    /** @return false when the queue is full or the channel is shutting down: the task will not run */
    public boolean submit(Runnable task) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    unfinished.decrementAndGet();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            unfinished.decrementAndGet();
            return false;
        }
    }

    /** Updates waiting or being answered: 0 once everything received has been dealt with. */
    public int queued() {
        return unfinished.get();
    }

    /** Lets queued replies go out for a few seconds, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
