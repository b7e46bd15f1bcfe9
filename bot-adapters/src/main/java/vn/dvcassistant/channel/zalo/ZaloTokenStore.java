package vn.dvcassistant.channel.zalo;

import java.util.function.Supplier;

/**
 * Where the OA's tokens live between restarts. The app keeps them in PostgreSQL; the library and its tests
 * use {@link InMemoryZaloTokenStore}.
 */
public interface ZaloTokenStore {

    /** The tokens to use now; never null once the OA has been connected. */
    ZaloTokens current();

    /** Called after a successful refresh; must persist before returning, the old refresh token is dead. */
    void save(ZaloTokens tokens);

    /**
     * Called when Zalo refused a refresh or could not be reached, with the reason: without a refresh the OA
     * stops answering within a day, so the app alerts on it. Nothing by default.
     */
    default void refreshFailed(String reason) {
    }

    /**
     * Runs a refresh (read the current tokens, refresh, save) while no other sender of the OA does:
     * Zalo's refresh tokens are single use, so two refreshes at once leave the OA without a working
     * token. Senders in one process are already kept apart; a store that several processes share
     * must keep them apart too, and have {@link #save} take effect when this returns.
     */
    default <T> T exclusively(Supplier<T> refresh) {
        return refresh.get();
    }
}
