package vn.dvcassistant.app.channel;

import java.util.ArrayList;
import java.util.List;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The background threads of one channel, with bounded queues. Each channel has its own, so a channel
 * whose API hangs (and whose senders sleep between retries) fills only its own queues. When a queue is
 * full, {@link #submit} refuses at once instead of blocking the webhook.
 *
 * <p>Each thread has its own queue and a chat's updates always go to the same one ({@link #submit(String,
 * Runnable)}), so one chat's messages are handled one at a time and in the order they came: "góp ý" and
 * the comment after it, or a question and a consent tap, can no longer run together or swap. Other chats
 * are spread over the threads.
 */
public final class ChannelWorkers implements AutoCloseable {

    private final List<ThreadPoolExecutor> stripes = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Submitted and not finished: waiting in a queue or being run. */
    private final AtomicInteger unfinished = new AtomicInteger();

    public ChannelWorkers(String name, int threads, int queueCapacity) {
        int perStripe = Math.max(1, queueCapacity / Math.max(1, threads));
        for (int i = 0; i < Math.max(1, threads); i++) {
            String threadName = name + "-" + (i + 1);
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            };
            stripes.add(new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(perStripe), factory, new ThreadPoolExecutor.AbortPolicy()));
        }
    }

    /**
     * Runs the task after every task submitted before with the same key (a chat).
     *
     * @return false when that queue is full or the channel is shutting down: the task will not run
     */
    public boolean submit(String key, Runnable task) {
        return execute(stripes.get(Math.floorMod(key == null ? 0 : key.hashCode(), stripes.size())), task);
    }

    /** A task of no chat (webhook registration), on the next thread in turn. */
    public boolean submit(Runnable task) {
        return execute(stripes.get(Math.floorMod(next.getAndIncrement(), stripes.size())), task);
    }

    private boolean execute(ThreadPoolExecutor executor, Runnable task) {
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
        stripes.forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            for (ThreadPoolExecutor executor : stripes) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    executor.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            stripes.forEach(ThreadPoolExecutor::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
