package vn.dvcassistant.app.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers, dates and months as Vietnamese readers write them, in the province's time zone: "92,5%",
 * "1.234", "04/12/2026", "04/12/2026 21:36", "T12/2026". Every page, export and report formats through
 * here, so "100.0%" never stands next to "50,0%".
 */
@Singleton
public final class VietnameseFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String NOTHING = "–";

    private final ZoneId zone;

    public VietnameseFormat(ProvinceClock clock) {
        this.zone = clock.zone();
    }

    /** A share (0.925) as a percentage with one decimal and a decimal comma: "92,5%"; a dash for none. */
    public String percent(@Nullable Double share) {
        return share == null ? NOTHING : String.format(Locale.ROOT, "%.1f%%", share * 100).replace('.', ',');
    }

    /** A target such as 0.9 without a needless decimal: "90%", "85%", "97,5%". */
    public String target(double share) {
        double pct = Math.round(share * 1000) / 10.0;
        return pct == Math.rint(pct) ? (long) pct + "%" : percent(share);
    }

    /** An interval as "85,8% – 89,9%". */
    public String interval(@Nullable java.util.List<Double> bounds) {
        return bounds == null || bounds.size() != 2 ? NOTHING : percent(bounds.get(0)) + " – " + percent(bounds.get(1));
    }

    /** A count with a dot between thousands: "1.234.567". */
    public String count(long value) {
        return String.format(Locale.ROOT, "%,d", value).replace(',', '.');
    }

    /** A decimal number with at most one decimal and a decimal comma: "3,5"; a dash for none. */
    public String decimal(@Nullable Double value) {
        if (value == null) {
            return NOTHING;
        }
        return String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? NOTHING : DAY.format(day);
    }

    /** An ISO day ("2026-12-04") as "04/12/2026"; text that is not a date is returned as it is. */
    public String date(@Nullable String isoDay) {
        if (isoDay == null || isoDay.isBlank()) {
            return NOTHING;
        }
        try {
            return DAY.format(LocalDate.parse(isoDay));
        } catch (java.time.format.DateTimeParseException e) {
            return isoDay;
        }
    }

    /** An instant in the province's time zone: "04/12/2026 21:36". */
    public String dateTime(@Nullable Instant instant) {
        return instant == null ? NOTHING : MOMENT.format(instant.atZone(zone));
    }

    /** A "yyyy-MM" month key as "T12/2026". */
    public String month(@Nullable String yearMonth) {
        if (yearMonth == null || yearMonth.length() != 7 || yearMonth.charAt(4) != '-') {
            return yearMonth == null ? NOTHING : yearMonth;
        }
        return "T" + Integer.parseInt(yearMonth.substring(5)) + "/" + yearMonth.substring(0, 4);
    }

    public ZoneId zone() {
        return zone;
    }
}
