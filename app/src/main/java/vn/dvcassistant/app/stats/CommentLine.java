package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One comment as the exports list it: codes and dates only, never the citizen's words or contact.
 *
 * @param kind     "comment" or "question" (a question handed over to staff)
 * @param deadline the current deadline ({@code CommentRules}), null when none runs
 * @param onTime   answered on time; false when answered late or still unanswered past the deadline;
 *                 null when it cannot be told yet
 * @param daysTaken calendar days from receipt to answer, null when not answered
 */
public record CommentLine(String code, String kind, String field, String agency, String status,
                          Instant receivedAt, @Nullable LocalDate deadline, @Nullable Instant answeredAt,
                          @Nullable Instant publishedAt, @Nullable Boolean onTime, @Nullable Double daysTaken) {
}
