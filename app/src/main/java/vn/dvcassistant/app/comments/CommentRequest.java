package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.api.StrictBoolean;

/**
 * Body of {@code POST /api/v1/comments}. Contact details are kept only when {@code consent} is true.
 *
 * @param channel web (default) | telegram | zalo
 */
@Serdeable
public record CommentRequest(
        @Nullable String text,
        @Nullable String topicId,
        @Nullable String field,
        @Nullable String channel,
        @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean consent,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email) {
}
