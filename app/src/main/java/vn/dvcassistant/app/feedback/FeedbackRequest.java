package vn.dvcassistant.app.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Body of {@code POST /api/v1/feedback}: the chat reply's messageId, helpful or not, an optional reason. */
@Serdeable
public record FeedbackRequest(@Nullable String messageId, @Nullable Boolean helpful, @Nullable String comment) {
}
