package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.RateLimitedException;
import vn.dvcassistant.app.database.DatabaseOutages;
import vn.dvcassistant.app.ratelimit.LocalBuckets;
import vn.dvcassistant.app.ratelimit.RateLimitSettings;
import vn.dvcassistant.app.ratelimit.SharedBuckets;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The limits on password guessing, shared by the login form and the scraper's HTTP Basic on /prometheus:
 * attempts per address (refused with 429 and Retry-After before bcrypt runs, so guessing cannot load the
 * CPU either) and failed attempts per account (further attempts on that account fail without a bcrypt
 * check until the minute's allowance refills, from whichever address they come).
 *
 * <p>Only failures count per account, so the account's owner is not locked out by someone else's requests
 * for longer than the refill of one attempt. Counted in PostgreSQL like the other limits
 * ({@code dvc.rate-limit.shared}), so a second instance is not a second allowance; in memory while the
 * database is out of reach.
 */
@Singleton
final class LoginLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginLimiter.class);
    private static final String ADDRESS = "login-address";
    private static final String ACCOUNT = "login-account-failures";

    private final int perMinute;
    private final boolean sharedBuckets;
    private final SharedBuckets shared;
    private final LocalBuckets byAddress = new LocalBuckets();
    private final LocalBuckets failuresByAccount = new LocalBuckets();

    LoginLimiter(@Value("${dvc.security.login-attempts-per-minute:10}") int perMinute, RateLimitSettings settings,
                 SharedBuckets shared) {
        this.perMinute = perMinute;
        this.sharedBuckets = settings.shared();
        this.shared = shared;
    }

    /** @throws RateLimitedException when this address has used its attempts for now */
    void checkAddress(String address) {
        String client = address == null ? "unknown" : address;
        OptionalLong wait = either(() -> shared.take(ADDRESS, client, perMinute),
                () -> byAddress.take(client, perMinute));
        if (wait.isPresent()) {
            throw new RateLimitedException(wait.getAsLong());
        }
    }

    /** Whether this account has used its failed attempts for now; then no password is checked at all. */
    boolean accountBlocked(String username) {
        String account = key(username);
        return either(() -> shared.isEmpty(ACCOUNT, account, perMinute), () -> failuresByAccount.isEmpty(account));
    }

    void recordFailure(String username) {
        String account = key(username);
        either(() -> shared.take(ACCOUNT, account, perMinute), () -> failuresByAccount.take(account, perMinute));
    }

    private <T> T either(Supplier<T> inDatabase, Supplier<T> inMemory) {
        if (!sharedBuckets) {
            return inMemory.get();
        }
        try {
            return inDatabase.get();
        } catch (RuntimeException e) {
            if (!DatabaseOutages.isCause(e)) {
                throw e;
            }
            LOG.debug("login_limit=local reason=database_unreachable");
            return inMemory.get();
        }
    }

    private static String key(String username) {
        String normalised = StaffAccounts.normalise(username);
        return normalised == null ? "" : normalised;
    }
}
