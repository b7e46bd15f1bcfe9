package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How an agency (or all of them, {@code agency} null) handles comments received in a period.
 *
 * @param acknowledgedShare   share of comments staff acted on (Decision 1588: 100% acknowledged)
 * @param answeredOnTimeShare answered within the deadline, out of those answered or already overdue
 * @param medianDaysToAnswer  calendar days from receipt to answer, median over answered comments
 * @param overdue             still open past their current deadline (waiting for the citizen excluded)
 */
@Serdeable
public record CommentFigures(
        @Nullable String agency,
        @Nullable String agencyName,
        long received,
        long acknowledged,
        @Nullable Double acknowledgedShare,
        long answered,
        long answeredOnTime,
        @Nullable Double answeredOnTimeShare,
        @Nullable Double medianDaysToAnswer,
        long published,
        long overdue) {
}
