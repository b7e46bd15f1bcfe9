package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** The campaigns of a period with their results, for the dashboard and the exports. */
@Singleton
public class CampaignOverview {

    /** One campaign and what became of it. */
    public record Line(String id, Instant createdAt, String text, String status, String audienceFields,
                       String audienceCommunes, String audienceChannels, String createdBy, @Nullable String approvedBy,
                       CampaignResults.Figures figures) {
    }

    private final CampaignStore store;
    private final CampaignResults results;

    CampaignOverview(CampaignStore store, CampaignResults results) {
        this.store = store;
        this.results = results;
    }

    /** Campaigns created in [from, to), newest first, at most {@code limit}. */
    public List<Line> between(Instant from, Instant to, int limit) {
        return store.latest(limit).stream()
                .filter(c -> !c.createdAt().isBefore(from) && c.createdAt().isBefore(to))
                .map(c -> new Line(c.id().toString(), c.createdAt(), c.text(), c.status(), String.join(", ", c.fields()),
                        String.join(", ", c.communes()), String.join(", ", c.channels()), c.createdBy(), c.approvedBy(),
                        results.of(c)))
                .toList();
    }
}
