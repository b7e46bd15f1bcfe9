package vn.dvcassistant.app.comments;

import vn.dvcassistant.app.province.WorkingDayCalendar;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * Deadlines of the national feedback system, in working days: reject within 2, ask the citizen for
 * missing information within 5, handle within 15, publish the answer within 2 of answering.
 */
@Singleton
public final class CommentDeadlines {

    public static final int REJECT = 2;
    public static final int REQUEST_INFORMATION = 5;
    public static final int HANDLE = 15;
    public static final int PUBLISH = 2;

    private final WorkingDayCalendar calendar;

    public CommentDeadlines(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public LocalDate rejectDue(LocalDate received) {
        return calendar.addWorkingDays(received, REJECT);
    }

    public LocalDate requestInformationDue(LocalDate received) {
        return calendar.addWorkingDays(received, REQUEST_INFORMATION);
    }

    /** Also used from the day missing information arrives: the handling time starts again then. */
    public LocalDate answerDue(LocalDate start) {
        return calendar.addWorkingDays(start, HANDLE);
    }

    /** A question handed over from the chat: {@code workingDays} from the configuration, not the 15 of a comment. */
    public LocalDate answerDue(LocalDate start, int workingDays) {
        return calendar.addWorkingDays(start, workingDays);
    }

    public LocalDate publishDue(LocalDate answered) {
        return calendar.addWorkingDays(answered, PUBLISH);
    }
}
