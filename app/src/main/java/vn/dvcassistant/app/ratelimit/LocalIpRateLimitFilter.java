package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;

/**
 * The per-IP limit of {@link IpRateLimitFilter} when it is counted in this instance's memory
 * ({@code DVC_RATE_LIMIT_SHARED=false}): no database statement, so it counts on the event loop.
 */
@ServerFilter("/api/**")
@Requires(property = "dvc.rate-limit.enabled", notEquals = "false")
@Requires(property = "dvc.rate-limit.shared", value = "false")
final class LocalIpRateLimitFilter {

    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;

    LocalIpRateLimitFilter(RateLimiter rateLimiter, HttpClientAddressResolver addressResolver) {
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        String address = addressResolver.resolve(request);
        rateLimiter.checkIp(address == null ? "unknown" : address);
    }
}
