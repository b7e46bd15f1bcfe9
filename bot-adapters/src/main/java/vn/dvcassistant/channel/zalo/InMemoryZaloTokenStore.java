package vn.dvcassistant.channel.zalo;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps the tokens in memory only: they are lost on restart. */
public final class InMemoryZaloTokenStore implements ZaloTokenStore {

    private final AtomicReference<ZaloTokens> tokens;

    public InMemoryZaloTokenStore(ZaloTokens initial) {
        this.tokens = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    @Override
    public ZaloTokens current() {
        return tokens.get();
    }

    @Override
    public void save(ZaloTokens newTokens) {
        tokens.set(Objects.requireNonNull(newTokens, "tokens"));
    }
}
