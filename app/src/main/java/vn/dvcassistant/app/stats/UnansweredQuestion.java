package vn.dvcassistant.app.stats;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A question the assistant could not answer, with how often it was asked (same wording, ignoring
 * case and spacing): what editors add content for. The text is stored masked, but it is still a
 * citizen's words, so this list is for staff only.
 */
@Serdeable
public record UnansweredQuestion(String question, long count, long handoffRequests, Instant lastAsked) {
}
