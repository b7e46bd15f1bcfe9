package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.app.stats.SatisfactionFilter;
import vn.dvcassistant.kb.Field;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The dashboard's filters as given in the query string, checked. Agency staff always get their own
 * agency, whatever the query string says. The period defaults to the current year.
 */
record DashboardFilter(LocalDate from, LocalDate to, @Nullable Field field, @Nullable String agency,
                       @Nullable Channel channel) {

    private static final int MAX_DAYS = 3 * 366;

    static DashboardFilter parse(StaffMember me, AgencyDirectory agencies, ZoneId zone, @Nullable String from,
                                 @Nullable String to, @Nullable String field, @Nullable String agency,
                                 @Nullable String channel) {
        LocalDate today = LocalDate.now(zone);
        LocalDate start = date(from, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = date(to, today);
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw Refusal.invalid("invalid_period");
        }
        Field f = blank(field) ? null : Field.fromCode(field.strip())
                .orElseThrow(() -> Refusal.invalid("unknown_field"));
        String a = me.forcedAgency() != null ? me.forcedAgency()
                : blank(agency) ? null : agencies.find(agency.strip()).map(x -> x.code())
                .orElseThrow(() -> Refusal.invalid("unknown_agency"));
        Channel c = blank(channel) ? null : Channel.fromCode(channel.strip()).filter(Channel::carriesRatings)
                .orElseThrow(() -> Refusal.invalid("unknown_rating_channel"));
        return new DashboardFilter(start, end, f, a, c);
    }

    SatisfactionFilter satisfaction() {
        return new SatisfactionFilter(from, to, field, agency, channel);
    }

    SatisfactionFilter forField(Field f) {
        return new SatisfactionFilter(from, to, f, agency, channel);
    }

    Period period() {
        return new Period(from, to);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (blank(value)) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date");
        }
    }
}
