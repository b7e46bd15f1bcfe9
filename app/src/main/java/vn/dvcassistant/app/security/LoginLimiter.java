package vn.dvcassistant.app.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.RateLimitedException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The limits on password guessing, shared by the login form and the scraper's HTTP Basic on /prometheus:
 * attempts per address (refused with 429 and Retry-After before bcrypt runs, so guessing cannot load the
 * CPU either) and failed attempts per account (further attempts on that account fail without a bcrypt
 * check until the minute's allowance refills, from whichever address they come).
 *
 * <p>Only failures count per account, so the account's owner is not locked out by someone else's requests
 * for longer than the refill of one attempt.
 */
@Singleton
final class LoginLimiter {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perMinute;
    private final Map<String, Bucket> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Bucket> failuresByAccount = new ConcurrentHashMap<>();

    LoginLimiter(@Value("${dvc.security.login-attempts-per-minute:10}") int perMinute) {
        this.perMinute = perMinute;
    }

    /** @throws RateLimitedException when this address has used its attempts for now */
    void checkAddress(String address) {
        ConsumptionProbe probe = bucket(byAddress, address).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
        }
    }

    /** Whether this account has used its failed attempts for now; then no password is checked at all. */
    boolean accountBlocked(String username) {
        Bucket bucket = failuresByAccount.get(key(username));
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    void recordFailure(String username) {
        bucket(failuresByAccount, key(username)).tryConsume(1);
    }

    private Bucket bucket(Map<String, Bucket> buckets, String key) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
                .build());
    }

    private static String key(String username) {
        String normalised = StaffAccounts.normalise(username);
        return normalised == null ? "" : normalised;
    }
}
