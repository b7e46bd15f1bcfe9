package vn.dvcassistant.app.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import vn.dvcassistant.app.api.Refusal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Few login attempts per minute from one address, far fewer than the chat allows: bcrypt makes each
 * guess slow, this makes guessing many passwords hopeless and keeps bcrypt from being used to load the CPU.
 */
@ServerFilter(value = "/login", methods = HttpMethod.POST)
final class LoginRateLimitFilter {

    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final HttpClientAddressResolver addressResolver;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    LoginRateLimitFilter(HttpClientAddressResolver addressResolver,
                         SecuritySettings settings) {
        this.addressResolver = addressResolver;
        this.perMinute = settings.loginAttemptsPerMinute();
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            buckets.clear();
        }
        String address = addressResolver.resolve(request);
        Bucket bucket = buckets.computeIfAbsent(address == null ? "unknown" : address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        if (!bucket.tryConsume(1)) {
            throw new Refusal(Refusal.Reason.TOO_MANY, "rate_limited");
        }
    }
}
