package vn.dvcassistant.channel.zalo;

/**
 * Where the OA's tokens live between restarts. The app keeps them in PostgreSQL; the library and its tests
 * use {@link InMemoryZaloTokenStore}.
 */
public interface ZaloTokenStore {

    /** The tokens to use now; never null once the OA has been connected. */
    ZaloTokens current();

    /** Called after a successful refresh; must persist before returning, the old refresh token is dead. */
    void save(ZaloTokens tokens);
}
