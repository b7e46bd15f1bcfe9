package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What "open", "overdue" and "answered on time" mean for a comment, defined once, in Java for one comment
 * and in SQL (over {@code citizen_comment}'s columns) for the staff list, the dashboard, the statistics and
 * the exports, which all use these and no rule of their own.
 *
 * <ul>
 *   <li>Open: not published, rejected or transferred ({@link CommentStatus#isFinal()}); a question handed over
 *       from the chat is never published, so it is settled once answered.</li>
 *   <li>Current deadline: the answer deadline while the agency holds the comment (received, in progress),
 *       the publishing deadline once answered; none while the agency waits for the citizen's information
 *       (that wait is not the agency's delay) or once closed.</li>
 *   <li>Overdue: the current deadline is before today (the province's local day).</li>
 *   <li>Answered on time: answered on or before the answer deadline's local day.</li>
 * </ul>
 */
public final class CommentRules {

    /** The agency holds the comment and its answer deadline runs. */
    private static final Set<CommentStatus> AWAITING_ANSWER = EnumSet.of(CommentStatus.RECEIVED,
            CommentStatus.IN_PROGRESS);

    /** {@code status IN (...)} of the open statuses. */
    public static final String OPEN_SQL = "(status IN (" + codes(Arrays.stream(CommentStatus.values())
            .filter(s -> !s.isFinal()).collect(Collectors.toSet())) + ") AND NOT (kind = 'question' AND status = '"
            + CommentStatus.ANSWERED.code() + "'))";

    /** The current deadline of a comment, or NULL when it has none. */
    public static final String CURRENT_DEADLINE_SQL = "CASE WHEN status IN (" + codes(AWAITING_ANSWER)
            + ") THEN answer_due WHEN status = '" + CommentStatus.ANSWERED.code() + "' THEN publish_due END";

    /** Overdue; two parameters, both today. */
    public static final String OVERDUE_SQL = "((status IN (" + codes(AWAITING_ANSWER) + ") AND answer_due < ?)"
            + " OR (status = '" + CommentStatus.ANSWERED.code() + "' AND publish_due < ?))";

    /** Not answered and already past the answer deadline; one parameter, today. */
    public static final String LATE_UNANSWERED_SQL = "answered_at IS NULL AND status IN (" + codes(AWAITING_ANSWER)
            + ") AND answer_due < ?";

    /** Answered on time; one parameter, the province's time zone id. */
    public static final String ANSWERED_ON_TIME_SQL =
            "answered_at IS NOT NULL AND (answered_at AT TIME ZONE ?)::date <= answer_due";

    private CommentRules() {
    }

    public static boolean isOpen(CommentStatus status) {
        return !status.isFinal();
    }

    /** See the class comment; null when the comment has no deadline running. */
    public static @Nullable LocalDate currentDeadline(CommentStatus status, LocalDate answerDue,
                                                      @Nullable LocalDate publishDue) {
        if (AWAITING_ANSWER.contains(status)) {
            return answerDue;
        }
        return status == CommentStatus.ANSWERED ? publishDue : null;
    }

    public static boolean isOverdue(CommentStatus status, LocalDate answerDue, @Nullable LocalDate publishDue,
                                    LocalDate today) {
        LocalDate due = currentDeadline(status, answerDue, publishDue);
        return due != null && due.isBefore(today);
    }

    private static String codes(Set<CommentStatus> statuses) {
        return statuses.stream().sorted().map(s -> "'" + s.code() + "'").collect(Collectors.joining(", "));
    }
}
