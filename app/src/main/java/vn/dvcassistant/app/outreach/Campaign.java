package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored campaign. {@code sendAt} null = as soon as it is approved. */
public record Campaign(UUID id, String text, @Nullable String topicId, List<String> fields, List<String> communes,
                       List<String> channels, @Nullable Instant sendAt, String status, String createdBy,
                       Instant createdAt, @Nullable String approvedBy, @Nullable Instant approvedAt,
                       @Nullable Instant startedAt, @Nullable Instant finishedAt, int targeted) {

    public static final String AWAITING_APPROVAL = "awaiting_approval";
    public static final String APPROVED = "approved";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";

    public Campaign {
        fields = List.copyOf(fields);
        communes = List.copyOf(communes);
        channels = List.copyOf(channels);
    }

    /** Every subscriber of the chosen channels: only an admin may send that. */
    public boolean toEveryone() {
        return fields.isEmpty() && communes.isEmpty();
    }

    public boolean reachesZalo() {
        return channels.isEmpty() || channels.contains("zalo");
    }
}
