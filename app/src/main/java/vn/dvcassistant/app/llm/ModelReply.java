package vn.dvcassistant.app.llm;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * What the model answered, or why there is no answer.
 *
 * @param text      the model's text, or null when {@code failure} says why not
 * @param failure   null when the model answered
 * @param modelTime how long the call to the model took (zero when it was not asked)
 */
public record ModelReply(@Nullable String text, @Nullable GuardReason failure, Duration modelTime) {

    static ModelReply refused(GuardReason reason) {
        return new ModelReply(null, reason, Duration.ZERO);
    }
}
