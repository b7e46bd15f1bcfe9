package vn.dvcassistant.app.stats;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A comment or hand-off question past its current deadline: to answer (received, in progress) or to publish
 * (answered).
 *
 * @param kind       "comment" or "question" ({@code CommentKind})
 * @param agencyName the agency's name, for people
 */
@Serdeable
public record OverdueComment(String code, String agency, String status, String dueOn, int workingDaysLate,
                             String kind, String agencyName) {
}
