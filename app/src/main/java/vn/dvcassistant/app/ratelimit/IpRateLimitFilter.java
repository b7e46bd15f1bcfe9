package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Per-IP limit on the API. Behind a reverse proxy list it in DVC_TRUSTED_PROXIES so the citizen's address
 * is counted, not the proxy's ({@link ClientAddressResolver}). This one counts in PostgreSQL, shared by the
 * instances, so it runs off the event loop; with the limit off there is no filter at all, and with a limit
 * kept in memory {@link LocalIpRateLimitFilter} counts on the event loop: a thread hop on every API request
 * (the ping included) cost about a third of the ping's throughput in the load benchmark.
 */
@ServerFilter("/api/**")
@Requires(property = "dvc.rate-limit.enabled", notEquals = "false")
@Requires(property = "dvc.rate-limit.shared", notEquals = "false")
final class IpRateLimitFilter {

    private final RateLimiter rateLimiter;
    private final HttpClientAddressResolver addressResolver;

    IpRateLimitFilter(RateLimiter rateLimiter, HttpClientAddressResolver addressResolver) {
        this.rateLimiter = rateLimiter;
        this.addressResolver = addressResolver;
    }

    /** Off the event loop: the shared limit is a database statement. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void limit(HttpRequest<?> request) {
        String address = addressResolver.resolve(request);
        rateLimiter.checkIp(address == null ? "unknown" : address);
    }
}
