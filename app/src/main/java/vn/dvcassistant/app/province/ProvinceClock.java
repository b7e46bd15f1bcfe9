package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code dvc.province.zone}: the province's time zone. A rating belongs to the local day it was given on,
 * a deadline falls on a local day, and dates are shown as people there read them.
 */
@ConfigurationProperties("dvc.province")
public record ProvinceClock(@Bindable(defaultValue = "Asia/Ho_Chi_Minh") ZoneId zone) {

    /** Today in the province. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** The province's local day of {@code instant}. */
    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }
}
