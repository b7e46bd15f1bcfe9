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
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.outreach.CampaignOverview;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Announcements of a period with their results (CSV or XLSX), for admins and editors. */
@Controller("/quan-tri/xuat")
@Secured({Roles.ADMIN, Roles.EDITOR})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CampaignExportController {

    private static final int MAX_ROWS = 10_000;

    private final CampaignOverview overview;
    private final ProvinceClock clock;
    private final Messages messages;

    CampaignExportController(CampaignOverview overview, ProvinceClock clock, Messages messages) {
        this.overview = overview;
        this.clock = clock;
        this.messages = messages;
    }

    @Get("/thong-bao.{format}")
    HttpResponse<StreamedFile> campaigns(@PathVariable String format, @Nullable @QueryValue String from,
                                         @Nullable @QueryValue String to) {
        ExportFormat f = ExportFormat.fromExtension(format).orElseThrow(() -> Refusal.notFound("not_found"));
        LocalDate today = clock.today();
        LocalDate start = date(from, today.withDayOfYear(1));
        LocalDate end = date(to, today);
        if (end.isBefore(start)) {
            throw Refusal.invalid("invalid_period");
        }
        return ExportFiles.download(f, "thong-bao-" + start + "_" + end, clock.zone(), out -> {
            out.table("Thông báo", List.of("Ngày soạn", "Nội dung", "Lĩnh vực", "Xã, phường", "Kênh", "Trạng thái",
                    "Người nhận dự kiến", "Đã gửi", "Gửi lỗi", "Không gửi được theo quy định của Zalo",
                    "Hủy trước lượt", "Hủy nhận sau đó", "Hỏi tiếp về hướng dẫn", "Người soạn", "Người duyệt"));
            for (CampaignOverview.Line line : overview.between(start.atStartOfDay(clock.zone()).toInstant(),
                    end.plusDays(1).atStartOfDay(clock.zone()).toInstant(), MAX_ROWS)) {
                var figures = line.figures();
                out.row(java.util.Arrays.asList(line.createdAt(), line.text(), line.audienceFields(),
                        line.audienceCommunes(), line.audienceChannels(), messages.get("campaign.status." + line.status()),
                        figures.targeted(), figures.sent(), figures.failed(), figures.blocked(), figures.skipped(),
                        figures.unsubscribedAfter(), figures.askedAboutTopic(), line.createdBy(), line.approvedBy()));
            }
        });
    }

    private static LocalDate date(@Nullable String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_period");
        }
    }
}
