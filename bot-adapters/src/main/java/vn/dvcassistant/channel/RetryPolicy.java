package vn.dvcassistant.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard a sender tries before giving up on one message.
 *
 * @param maxAttempts    calls per message, the first included
 * @param initialBackoff wait before the first retry; doubled for each further retry
 * @param maxBackoff     ceiling of the doubled wait
 * @param maxRetryAfter  longest rate-limit wait we accept from the channel; a longer one fails the message
 *                       at once rather than hold a background thread for minutes
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoffs must be positive and maxBackoff >= initialBackoff");
        }
    }

    /** Wait before retry number {@code retry} (1 = first retry), with up to 20% jitter so clients spread out. */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(Math.min(capped + jitter, maxBackoff.toMillis()));
    }
}
