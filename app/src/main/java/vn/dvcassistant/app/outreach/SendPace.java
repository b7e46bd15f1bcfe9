package vn.dvcassistant.app.outreach;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code perSecond} sends, evenly spaced, however many threads ask. Spacing rather than bursts,
 * because Telegram counts its 30 per second over short windows.
 *
 * <p>The next send is spaced from when the previous caller actually went ahead, not from when it was due: a
 * thread that wakes late (a busy machine) pushes the following sends back instead of leaving them bunched
 * right behind it, which could put eleven sends of a ten-per-second pace within one second.
 */
final class SendPace {

    /** Sleeps for the given nanoseconds; a seam for tests. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long nextSlot;

    SendPace(double perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    SendPace(double perSecond, LongSupplier clock, Sleeper sleeper) {
        this.intervalNanos = (long) (Duration.ofSeconds(1).toNanos() / perSecond);
        this.clock = clock;
        this.sleeper = sleeper;
        this.nextSlot = clock.getAsLong();
    }

    /** Blocks until this caller may send; false if interrupted. */
    boolean await() {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.getAsLong();
                if (now - nextSlot >= 0) {
                    nextSlot = now + intervalNanos;
                    return true;
                }
                wait = nextSlot - now;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
