package vn.dvcassistant.app.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.RateLimitedException;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Token buckets by client IP and by session; refused requests get 429 with Retry-After. */
@Singleton
public final class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimitSettings settings;
    private final ConcurrentMap<String, Bucket> byIp = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Bucket> bySession = new ConcurrentHashMap<>();

    RateLimiter(RateLimitSettings settings) {
        this.settings = settings;
    }

    public void checkIp(String ip) {
        if (settings.enabled()) {
            consume(byIp.computeIfAbsent(ip, k -> bucket(settings.perIpPerMinute())));
        }
    }

    public void checkSession(String sessionKey) {
        if (settings.enabled()) {
            consume(bySession.computeIfAbsent(sessionKey, k -> bucket(settings.perSessionPerMinute())));
        }
    }

    /** A full bucket holds nothing a new one would not, so idle clients cost no memory. */
    @Scheduled(fixedDelay = "1m")
    void forgetIdleClients() {
        byIp.values().removeIf(b -> b.getAvailableTokens() >= settings.perIpPerMinute());
        bySession.values().removeIf(b -> b.getAvailableTokens() >= settings.perSessionPerMinute());
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
                .build();
    }

    private static void consume(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new RateLimitedException(seconds);
        }
    }
}
