package vn.dvcassistant.app.channel.zalo;

import vn.dvcassistant.channel.zalo.ZaloSender;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Refreshes the OA's tokens even when nothing is sent. Zalo's refresh token lives 3 months and is replaced
 * at each refresh, so an OA nobody writes to for 3 months would otherwise lose it for good (and need a new
 * authorisation by hand). Refreshes when the access token expires within the margin, when its expiry is
 * unknown (a pair configured by hand), and when the last refresh is older than the maximum age.
 * A failure is recorded by the store, which logs it and shows it on /health.
 */
final class ZaloTokenKeeper {

    private final ZaloSender sender;
    private final DatabaseZaloTokenStore store;
    private final Duration margin;
    private final Duration maxAge;
    private final Clock clock;

    ZaloTokenKeeper(ZaloSender sender, DatabaseZaloTokenStore store, Duration margin, Duration maxAge, Clock clock) {
        this.sender = sender;
        this.store = store;
        this.margin = margin;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** @return why a due refresh failed; empty when none was due or it succeeded */
    Optional<String> check() {
        if (!due(store.status())) {
            return Optional.empty();
        }
        // Asked again under the store's lock: another instance may have refreshed meanwhile.
        return Optional.ofNullable(sender.refreshIf(() -> due(store.status())));
    }

    boolean due(ZaloTokenStatus status) {
        if (status == null) {
            return false; // no tokens configured: nothing to refresh with
        }
        var now = clock.instant();
        return status.expiresAt() == null
                || !now.plus(margin).isBefore(status.expiresAt())
                || status.refreshedAt() == null
                || !status.refreshedAt().plus(maxAge).isAfter(now);
    }
}
