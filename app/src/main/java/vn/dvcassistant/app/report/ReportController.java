package vn.dvcassistant.app.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /quan-tri/bao-cao?from=&to=[&agency=]&format=docx|html}: the year-end report as a Word
 * document to edit and send, or as a printable A4 page. Agency staff always get their own agency.
 */
@Controller("/quan-tri/bao-cao")
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReportController {

    private static final int MAX_DAYS = 3 * 366;
    private static final MediaType DOCX =
            new MediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final YearEndReports reports;
    private final AgencyDirectory agencies;
    private final ProvinceClock clock;

    ReportController(YearEndReports reports, AgencyDirectory agencies, ProvinceClock clock) {
        this.reports = reports;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Get
    HttpResponse<?> report(Authentication authentication, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String agency,
                           @Nullable @QueryValue String format) {
        LocalDate today = clock.today();
        LocalDate start = date(from, LocalDate.of(today.getYear(), 1, 1));
        LocalDate end = date(to, today);
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw Refusal.invalid("invalid_period");
        }
        String scope = agency(authentication, agency);
        String kind = format == null || format.isBlank() ? "html" : format.strip();
        if (!kind.equals("html") && !kind.equals("docx")) {
            throw Refusal.invalid("unknown_export");
        }
        ReportDocument report = reports.build(start, end, scope);
        if (kind.equals("html")) {
            return HttpResponse.ok(new ModelAndView<>("admin/report", Map.of("report", report)))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            DocxReport.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "bao-cao-" + start + "_" + end + (scope == null ? "" : "-" + scope) + ".docx";
        return HttpResponse.ok(new StreamedFile(new ByteArrayInputStream(out.toByteArray()), DOCX))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store");
    }

    private String agency(Authentication authentication, String requested) {
        String forced = StaffMember.of(authentication).forcedAgency();
        if (forced != null) {
            return forced;
        }
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return agencies.find(requested.strip()).map(a -> a.code()).orElseThrow(() -> Refusal.invalid("unknown_agency"));
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
