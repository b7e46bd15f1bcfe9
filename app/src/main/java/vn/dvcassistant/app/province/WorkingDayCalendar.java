package vn.dvcassistant.app.province;

import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days are Monday to Friday, minus the public holidays listed in {@code dvc.holidays}
 * (including the days off the government moves around Tết, which change every year).
 */
@Singleton
public final class WorkingDayCalendar {

    private final Set<LocalDate> holidays;

    public WorkingDayCalendar(HolidayConfiguration configuration) {
        this.holidays = Set.copyOf(configuration.days());
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The day by which something received on {@code start} must be done within {@code workingDays}:
     * counting begins the working day after {@code start}, so a comment received on Friday with two
     * working days is due on Tuesday.
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
