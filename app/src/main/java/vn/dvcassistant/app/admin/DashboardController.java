package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.app.web.VietnameseFormat;
import vn.dvcassistant.app.stats.PeriodComparison;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.admin.chart.SvgCharts;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.outreach.CampaignOverview;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.comments.CommentKind;
import vn.dvcassistant.app.stats.SatisfactionFigure;
import vn.dvcassistant.app.stats.SatisfactionReport;
import vn.dvcassistant.app.stats.SatisfactionStatistics;
import vn.dvcassistant.kb.Field;

import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff dashboard: satisfaction gauges, every field against its target, period comparison, monthly
 * trend, agency ranking, comment handling, overdue comments, unanswered questions.
 */
@Controller("/quan-tri")
@ExecuteOn(TaskExecutors.BLOCKING)
final class DashboardController {

    private static final int UNANSWERED_SHOWN = 20;
    private static final int CAMPAIGNS_SHOWN = 20;

    private final SatisfactionStatistics satisfaction;
    private final AnswerStatistics answers;
    private final CommentStatistics comments;
    private final AgencyDirectory agencies;
    private final ProvinceClock settings;
    private final PageText text;
    private final SvgCharts charts;
    private final VietnameseFormat format;
    private final PeriodComparison comparison;
    private final CampaignOverview campaigns;

    DashboardController(SatisfactionStatistics satisfaction, AnswerStatistics answers, CommentStatistics comments,
                        AgencyDirectory agencies, ProvinceClock settings, PageText text, VietnameseFormat format,
                        PeriodComparison comparison, CampaignOverview campaigns) {
        this.format = format;
        this.comparison = comparison;
        this.campaigns = campaigns;
        this.satisfaction = satisfaction;
        this.answers = answers;
        this.comments = comments;
        this.agencies = agencies;
        this.settings = settings;
        this.text = text;
        this.charts = new SvgCharts(text.get("admin.chart.noData"), text.get("admin.chart.target"));
    }

    /**
     * Sends each role to the page it works from. Declared as HTML too: otherwise a browser that asks only
     * for HTML matches no route (406) instead of being sent to the login page.
     */
    @Get
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    @Secured({Roles.ADMIN, Roles.AGENCY_STAFF, Roles.EDITOR, Roles.VOLUNTEER})
    HttpResponse<?> home(Authentication authentication) {
        StaffMember me = StaffMember.of(authentication);
        return HttpResponse.seeOther(URI.create("/quan-tri/tong-quan"));
    }

    /** The figures; a volunteer, who may not see them, gets a page saying what they can do instead. */
    @Get("/tong-quan")
    @Secured({Roles.ADMIN, Roles.AGENCY_STAFF, Roles.EDITOR, Roles.VOLUNTEER})
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> overview(Authentication authentication, @Nullable @QueryValue String from,
                                               @Nullable @QueryValue String to, @Nullable @QueryValue String field,
                                               @Nullable @QueryValue String agency, @Nullable @QueryValue String channel) {
        StaffMember me = StaffMember.of(authentication);
        if (me.isVolunteer()) {
            return new ModelAndView<>("admin/volunteer", StaffPages.model(me, text));
        }
        DashboardFilter filter = DashboardFilter.parse(me, agencies, settings.zone(), from, to, field, agency, channel);
        SatisfactionReport report = satisfaction.compute(filter.satisfaction());

        Map<String, Object> model = StaffPages.model(me, text);
        model.put("filter", filter);
        model.put("fields", Arrays.asList(Field.values()));
        model.put("agencies", agencies.all());
        model.put("channels", Channel.ratingChannels());
        model.put("report", report);

        model.put("minRatings", satisfaction.minRatings());
        List<SatisfactionFigure> fieldRows = satisfaction.everyField(report, filter.satisfaction());
        model.put("fieldRows", fieldRows);

        Map<String, String> gauges = new LinkedHashMap<>();
        gauges.put(text.get("admin.gauge.overall"), gauge(text.get("admin.gauge.overall"), report.rate(),
                report.target(), report.total(), report.status()));
        for (Field f : satisfaction.fieldsWithOwnTarget(filter.satisfaction())) {
            SatisfactionFigure own = fieldRows.get(f.ordinal());
            gauges.put(f.label(), gauge(f.label(), own.rate(), own.target(), own.total(), own.status()));
        }
        model.put("gauges", gauges);
        model.put("trend", charts.trend(text.get("admin.trend"), report.byMonth().stream()
                .map(m -> point(m, format.month(m.key()))).toList(), report.target()));
        model.put("ranking", charts.ranking(text.get("admin.ranking"), SatisfactionStatistics.ranking(report.byAgency()).stream()
                .map(a -> point(a, a.label())).toList(), report.target()));
        model.put("comparison", comparison.rows(filter.satisfaction(), report));
        model.put("assisted", report.assisted());
        model.put("answers", answers.summary(filter.period()));
        model.put("commentReport", comments.compute(filter.period(), filter.agency()));
        model.put("questionReport", comments.compute(filter.period(), filter.agency(), CommentKind.QUESTION));
        model.put("overdue", comments.overdue(filter.agency()));
        model.put("unanswered", answers.unanswered(filter.period(), UNANSWERED_SHOWN));
        model.put("campaigns", campaignsOf(me, filter.period()));
        return new ModelAndView<>("admin/dashboard", model);
    }

    private String gauge(String title, Double rate, double target, long total, String status) {
        SvgCharts.Tone tone = tone(status);
        return charts.gauge(title, rate, target, total, tone,
                tone == SvgCharts.Tone.UNDECIDED ? text.get("stats.status.undecided") : null);
    }

    private static SvgCharts.Point point(SatisfactionFigure figure, String label) {
        return new SvgCharts.Point(label == null ? "" : label, figure.rate(), figure.total(), tone(figure.status()));
    }

    private static SvgCharts.Tone tone(String status) {
        return switch (status) {
            case "met" -> SvgCharts.Tone.MET;
            case "not_met" -> SvgCharts.Tone.NOT_MET;
            default -> SvgCharts.Tone.UNDECIDED;
        };
    }

    /** Announcements of the period with their results, for those who send them. */
    private List<CampaignOverview.Line> campaignsOf(StaffMember me, vn.dvcassistant.app.stats.Period period) {
        if (!me.isAdmin() && !me.isEditor()) {
            return List.of();
        }
        java.time.ZoneId zone = settings.zone();
        java.time.Instant from = period.from() == null ? java.time.Instant.EPOCH : period.from().atStartOfDay(zone).toInstant();
        java.time.Instant to = period.to() == null ? java.time.Instant.now().plusSeconds(60)
                : period.to().plusDays(1).atStartOfDay(zone).toInstant();
        return campaigns.between(from, to, CAMPAIGNS_SHOWN);
    }
}
