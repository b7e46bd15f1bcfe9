package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.LocalDate;
import java.util.List;

/**
 * Public holidays and compensatory days off ({@code dvc.holidays.days}, ISO dates), which the
 * government announces each year; weekends need not be listed.
 */
@ConfigurationProperties("dvc.holidays")
public record HolidayConfiguration(@Bindable(defaultValue = "") List<LocalDate> days) {

    public HolidayConfiguration {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
