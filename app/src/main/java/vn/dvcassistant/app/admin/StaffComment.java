package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;

/** One comment as listed for staff: the citizen's masked text, never their contact details. */
public record StaffComment(String code, String field, String agency, String status, String text,
                           Instant receivedAt, LocalDate answerDue, @Nullable String answer, boolean overdue) {
}
