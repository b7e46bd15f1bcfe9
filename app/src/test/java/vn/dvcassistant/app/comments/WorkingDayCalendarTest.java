package vn.dvcassistant.app.comments;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import vn.dvcassistant.app.province.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false)
@Property(name = "dvc.holidays.days", value = "2030-09-02,2030-09-03")
class WorkingDayCalendarTest {

    @Inject
    CommentDeadlines deadlines;

    @Inject
    WorkingDayCalendar calendar;

    @Test
    void deadlinesSkipTheWeekendAndConfiguredHolidays() {
        LocalDate friday = LocalDate.of(2030, 8, 30);
        // Sat, Sun, then the holidays Mon 2 and Tue 3 September: Wed 4 is the first working day.
        assertThat(deadlines.rejectDue(friday)).isEqualTo(LocalDate.of(2030, 9, 5));
        assertThat(deadlines.requestInformationDue(friday)).isEqualTo(LocalDate.of(2030, 9, 10));
        assertThat(deadlines.answerDue(friday)).isEqualTo(LocalDate.of(2030, 9, 24));
        assertThat(deadlines.publishDue(LocalDate.of(2030, 8, 28))).isEqualTo(LocalDate.of(2030, 8, 30));
    }

    @Test
    void aCommentSentOnSaturdayCountsFromMonday() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 8, 24), 2)).isEqualTo(LocalDate.of(2030, 8, 27));
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 9, 2))).isFalse();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2030, 8, 30), LocalDate.of(2030, 9, 5))).isEqualTo(2);
    }

    @Test
    void statusMachineOnlyMovesAlongItsArrows() {
        assertThat(CommentStatus.RECEIVED.canMoveTo(CommentStatus.ANSWERED)).isFalse();
        assertThat(CommentStatus.ANSWERED.canMoveTo(CommentStatus.PUBLISHED)).isTrue();
        assertThat(CommentStatus.PUBLISHED.isFinal()).isTrue();
        assertThat(CommentStatus.REJECTED.next()).isEmpty();
        assertThat(TrackingCodes.normalise(" gy-7k3m9q ")).isEqualTo("GY-7K3M9Q");
        assertThat(TrackingCodes.normalise("GY-0O1I00")).isNull();
    }
}
