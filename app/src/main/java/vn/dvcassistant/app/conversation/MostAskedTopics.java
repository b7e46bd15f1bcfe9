package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The topics citizens asked about most, for the menu and greeting replies. Counting them groups every
 * stored exchange, which grows without end, while the ranking changes slowly; so the count runs at
 * most once per {@link ConversationSettings#popularTopicsRefresh()} per instance and greetings reuse it.
 */
@Singleton
class MostAskedTopics {

    /** Enough for any configured suggestion count; the caller takes the first few. */
    private static final int KEPT = 20;

    private final ExchangeRepository exchanges;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;

    MostAskedTopics(ExchangeRepository exchanges, ConversationSettings settings) {
        this.exchanges = exchanges;
        this.refresh = settings.popularTopicsRefresh();
    }

    List<String> ids(int count) {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.countedAt().plus(refresh))) {
            // Two greetings at once may both count; either result is right.
            current = new Snapshot(List.copyOf(exchanges.findMostAskedTopicIds(KEPT)), now);
            snapshot = current;
        }
        return current.ids().subList(0, Math.min(count, current.ids().size()));
    }

    private record Snapshot(List<String> ids, Instant countedAt) {
    }
}
