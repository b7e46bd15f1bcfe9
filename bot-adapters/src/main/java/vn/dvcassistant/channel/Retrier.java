package vn.dvcassistant.channel;

import java.time.Duration;
import java.util.function.Supplier;

/** The retry loop both senders share; each channel only says how one call turned out. */
public final class Retrier {

    /** How one call went. */
    public sealed interface Outcome<T> {
        record Success<T>(T value) implements Outcome<T> {}

        /** Worth another try; {@code retryAfter} is the channel's own retry-after, or null to back off. */
        record Retry<T>(String reason, Duration retryAfter) implements Outcome<T> {}

        record Fail<T>(String reason) implements Outcome<T> {}
    }

    /** The value when {@code succeeded}, else the last reason; and the number of calls made. */
    public record Result<T>(boolean succeeded, T value, String failureReason, int attempts) {}

    private final RetryPolicy policy;

    public Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    public <T> Result<T> run(Supplier<Outcome<T>> call) {
        String lastReason = null;
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            Outcome<T> outcome = call.get();
            if (outcome instanceof Outcome.Success<T> success) {
                return new Result<>(true, success.value(), null, attempt);
            }
            if (outcome instanceof Outcome.Fail<T> fail) {
                return new Result<>(false, null, fail.reason(), attempt);
            }
            Outcome.Retry<T> retry = (Outcome.Retry<T>) outcome;
            lastReason = retry.reason();
            if (attempt == policy.maxAttempts()) {
                break;
            }
            Duration wait = retry.retryAfter() != null ? retry.retryAfter() : policy.backoff(attempt);
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                return new Result<>(false, null,
                        lastReason + " (asked to wait " + wait.toSeconds() + " s, more than we hold a message)", attempt);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result<>(false, null, lastReason + " (interrupted while waiting to retry)", attempt);
            }
        }
        return new Result<>(false, null,
                lastReason + " (gave up after " + policy.maxAttempts() + " attempts)", policy.maxAttempts());
    }
}
