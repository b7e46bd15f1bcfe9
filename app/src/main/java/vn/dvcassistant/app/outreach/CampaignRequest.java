package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A campaign as a staff member composes it (POST /api/v1/admin/campaigns, or the staff page's form). */
@Serdeable
public record CampaignRequest(@Nullable String text, @Nullable String topicId, @Nullable Audience audience,
                              @Nullable String sendAt) {

    /** Who receives it; every list empty or missing = every subscriber on every channel. */
    @Serdeable
    public record Audience(@Nullable List<String> fields, @Nullable List<String> communes,
                           @Nullable List<String> channels) {

        public Audience {
            fields = fields == null ? List.of() : List.copyOf(fields);
            communes = communes == null ? List.of() : List.copyOf(communes);
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        /** No field or commune chosen: every subscriber of the chosen channels. */
        public boolean everyone() {
            return fields.isEmpty() && communes.isEmpty();
        }
    }
}
