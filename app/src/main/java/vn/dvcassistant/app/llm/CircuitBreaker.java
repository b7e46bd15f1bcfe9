package vn.dvcassistant.app.llm;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Stops asking a model that keeps failing: after {@code failures} failures in a row it opens, and for
 * {@code open} every answer is the template at once; then one call is let through, and its success closes
 * the circuit (its failure opens it again). Thread-safe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failures;
    private final long openNanos;
    private final LongSupplier nanoTime;
    private State state = State.CLOSED;
    private int failed;
    private long openedAt;
    private boolean trialRunning;

    CircuitBreaker(int failures, Duration open, LongSupplier nanoTime) {
        this.failures = failures;
        this.openNanos = open.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a call may go to the model now; when half open, only the one trial call may. */
    synchronized boolean allow() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialRunning = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialRunning) {
                return false;
            }
            trialRunning = true;
            return true;
        }
        return state == State.CLOSED;
    }

    synchronized void succeeded() {
        state = State.CLOSED;
        failed = 0;
        trialRunning = false;
    }

    synchronized void failed() {
        failed++;
        if (state == State.HALF_OPEN || failed >= failures) {
            state = State.OPEN;
            openedAt = nanoTime.getAsLong();
            trialRunning = false;
        }
    }

    synchronized State state() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
