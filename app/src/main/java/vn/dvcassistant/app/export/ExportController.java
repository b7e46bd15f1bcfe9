package vn.dvcassistant.app.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Downloads for the yearly report. The period defaults to the current year; agency staff get only
 * their agency's figures and ratings.
 */
@Controller("/quan-tri/xuat")
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ExportController {

    private static final int MAX_DAYS = 3 * 366;

    private final ReportExports exports;
    private final ProvinceClock settings;
    private final AgencyDirectory agencies;

    ExportController(ReportExports exports, ProvinceClock settings, AgencyDirectory agencies) {
        this.exports = exports;
        this.settings = settings;
        this.agencies = agencies;
    }

    @Get("/thong-ke.{format}")
    HttpResponse<StreamedFile> statistics(Authentication authentication, @PathVariable String format,
                                          @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                          @Nullable @QueryValue("agency") String agencyCode) {
        ExportFormat f = format(format);
        LocalDate[] period = period(from, to);
        String agency = agency(authentication, agencyCode);
        return ExportFiles.download(f, "thong-ke-" + period[0] + "_" + period[1], settings.zone(),
                out -> exports.statistics(out, period[0], period[1], agency));
    }

    @Get("/danh-gia.{format}")
    HttpResponse<StreamedFile> ratings(Authentication authentication, @PathVariable String format,
                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue("agency") String agencyCode) {
        ExportFormat f = format(format);
        LocalDate[] period = period(from, to);
        String agency = agency(authentication, agencyCode);
        return ExportFiles.download(f, "danh-gia-" + period[0] + "_" + period[1], settings.zone(),
                out -> exports.ratings(out, period[0], period[1], settings.zone(), agency));
    }

    /** Agency staff always get their own agency; an admin may pick one, or none for the whole province. */
    private String agency(Authentication authentication, String requested) {
        String forced = StaffMember.of(authentication).forcedAgency();
        if (forced != null) {
            return forced;
        }
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return agencies.find(requested.strip()).map(a -> a.code())
                .orElseThrow(() -> Refusal.invalid("unknown_agency"));
    }

    private static ExportFormat format(String format) {
        return ExportFormat.fromExtension(format)
                .orElseThrow(() -> Refusal.invalid("unknown_export"));
    }

    private LocalDate[] period(String from, String to) {
        LocalDate today = LocalDate.now(settings.zone());
        LocalDate start = date(from, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = date(to, today);
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw Refusal.invalid("invalid_period");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date");
        }
    }
}
