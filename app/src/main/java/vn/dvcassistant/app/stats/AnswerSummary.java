package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How well the assistant answers, from stored exchanges and ratings (small talk left out).
 *
 * @param questions    questions asked (answer, clarify or fallback)
 * @param fallbacks    questions the assistant could not answer
 * @param fallbackRate fallbacks / questions, null without questions
 * @param ratings      answers rated helpful or not
 * @param helpfulRate  helpful / ratings, null without ratings
 */
@Serdeable
public record AnswerSummary(
        @Nullable String from,
        @Nullable String to,
        long questions,
        long fallbacks,
        @Nullable Double fallbackRate,
        long ratings,
        long helpful,
        @Nullable Double helpfulRate) {
}
