package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits per client IP (every /api request) and per chat session, per minute. Counted in each
 * instance's memory: behind a load balancer the effective limit is this times the instance count.
 */
@ConfigurationProperties("dvc.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "120") int perIpPerMinute,
        @Bindable(defaultValue = "20") int perSessionPerMinute) {
}
