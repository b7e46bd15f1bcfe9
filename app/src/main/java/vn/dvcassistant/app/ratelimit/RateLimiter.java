package vn.dvcassistant.app.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.RateLimitedException;
import vn.dvcassistant.app.database.DatabaseOutages;

import java.util.OptionalLong;

/**
 * Token buckets by client IP and by session; refused requests get 429 with Retry-After. With
 * {@code dvc.rate-limit.shared} (the default) the buckets are in PostgreSQL ({@link SharedBuckets}), so every
 * instance on the database counts against the same allowance; while the database is out of reach, and when
 * sharing is off, each instance counts in its own memory ({@link LocalBuckets}).
 */
@Singleton
public final class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitSettings settings;
    private final SharedBuckets shared;
    private final LocalBuckets byIp = new LocalBuckets();
    private final LocalBuckets bySession = new LocalBuckets();

    RateLimiter(RateLimitSettings settings, SharedBuckets shared) {
        this.settings = settings;
        this.shared = shared;
    }

    public void checkIp(String ip) {
        if (settings.enabled()) {
            check("ip", ip, settings.perIpPerMinute(), byIp);
        }
    }

    public void checkSession(String sessionKey) {
        if (settings.enabled()) {
            check("session", sessionKey, settings.perSessionPerMinute(), bySession);
        }
    }

    private void check(String limit, String client, int perMinute, LocalBuckets local) {
        OptionalLong wait;
        if (settings.shared()) {
            try {
                wait = shared.take(limit, client, perMinute);
            } catch (RuntimeException e) {
                if (!DatabaseOutages.isCause(e)) {
                    throw e;
                }
                LOG.debug("rate_limit=local reason=database_unreachable");
                wait = local.take(client, perMinute);
            }
        } else {
            wait = local.take(client, perMinute);
        }
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.getAsLong());
        }
    }

    @Scheduled(fixedDelay = "1m")
    void forgetIdleClients() {
        byIp.forgetFull(settings.perIpPerMinute());
        bySession.forgetFull(settings.perSessionPerMinute());
    }
}
