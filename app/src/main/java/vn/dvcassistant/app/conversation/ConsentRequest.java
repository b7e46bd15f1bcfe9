package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.api.StrictBoolean;

/** The citizen's answer from a consent button. {@code consent} is required: silence is not consent. */
@Serdeable
public record ConsentRequest(@Nullable String sessionId, @Nullable String channel,
                             @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean consent) {
}
