package vn.dvcassistant.app.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Limits per client IP (every /api request) and per chat session, per minute. {@code shared}: counted in
 * PostgreSQL, so several instances behind a load balancer share one allowance (otherwise in each instance's
 * memory, and the effective limit is this times the instance count). Also decides where the login limits count.
 */
@ConfigurationProperties("dvc.rate-limit")
public record RateLimitSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "120") int perIpPerMinute,
        @Bindable(defaultValue = "20") int perSessionPerMinute,
        @Bindable(defaultValue = "true") boolean shared) {
}
