package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One comment as listed for staff: the citizen's masked text, never their contact details.
 *
 * @param due     the deadline shown: the current one ({@link CommentRules#currentDeadline}), else the answer deadline
 * @param overdue past its current deadline ({@link CommentRules#isOverdue}), as the dashboard counts it
 * @param kind    comment, or question (handed over from the chat)
 */
public record StaffComment(String code, String field, String agency, String status, String text,
                           Instant receivedAt, LocalDate due, @Nullable String answer, boolean overdue, String kind) {
}
