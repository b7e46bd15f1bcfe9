package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A citizen's message. Checked by {@link ChatRequestValidator} so that each problem gets its own
 * error code and Vietnamese message.
 */
@Serdeable
@Schema(description = "A citizen's message")
public record ChatRequest(
        @Schema(description = "Client-chosen conversation id, 1-64 characters", example = "b7f3c1d2-web")
        @Nullable String sessionId,
        @Schema(description = "The question, 1-2000 characters; C0 control characters other than tab and newline are refused")
        @Nullable String text,
        @Schema(description = "web (default), telegram or zalo")
        @Nullable String channel,
        @Schema(description = "A topic id from an earlier reply's suggestions: answer that topic directly")
        @Nullable String topicId) {
}
