package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

/** Local days {@code from}..{@code to} inclusive; either end may be open. */
public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

    public static final Period ALL = new Period(null, null);

    /** Start instant (inclusive) in {@code zone}, or the distant past. */
    Timestamp start(ZoneId zone) {
        return from == null ? Timestamp.valueOf("1970-01-01 00:00:00")
                : Timestamp.from(from.atStartOfDay(zone).toInstant());
    }

    /** End instant (exclusive) in {@code zone}, or the distant future. */
    Timestamp end(ZoneId zone) {
        return to == null ? Timestamp.valueOf("9999-01-01 00:00:00")
                : Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
