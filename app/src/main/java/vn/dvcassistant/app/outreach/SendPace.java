package vn.dvcassistant.app.outreach;

import java.time.Duration;

/**
 * At most {@code perSecond} sends, evenly spaced, however many threads ask: each caller waits for its own
 * slot. Spacing rather than bursts, because Telegram counts its 30 per second over short windows.
 */
final class SendPace {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    SendPace(double perSecond) {
        this.intervalNanos = (long) (Duration.ofSeconds(1).toNanos() / perSecond);
    }

    /** Blocks until this caller's slot; false if interrupted. */
    boolean await() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
