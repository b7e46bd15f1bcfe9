package vn.dvcassistant.app.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.api.StrictBoolean;

/** Body of {@code POST /api/v1/feedback}: the chat reply's messageId, helpful or not, an optional reason. */
@Serdeable
public record FeedbackRequest(@Nullable String messageId,
                              @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean helpful,
                              @Nullable String comment) {
}
