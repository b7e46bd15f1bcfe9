package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
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
import io.micronaut.views.View;
import vn.dvcassistant.app.admin.chart.SvgCharts;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.outreach.CampaignOverview;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.CommentStatistics;
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

/** The staff dashboard: Decision 1588 gauges, monthly trend, agency ranking, overdue comments, gaps. */
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
    private final CampaignOverview campaigns;

    DashboardController(SatisfactionStatistics satisfaction, AnswerStatistics answers, CommentStatistics comments,
                        AgencyDirectory agencies, ProvinceClock settings, PageText text, CampaignOverview campaigns) {
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
        return HttpResponse.seeOther(URI.create(me.isVolunteer() ? "/quan-tri/khao-sat" : "/quan-tri/tong-quan"));
    }

    @Get("/tong-quan")
    @Secured({Roles.ADMIN, Roles.AGENCY_STAFF, Roles.EDITOR})
    @Produces(MediaType.TEXT_HTML)
    @View("admin/dashboard")
    Map<String, Object> overview(Authentication authentication, @Nullable @QueryValue String from,
                                 @Nullable @QueryValue String to, @Nullable @QueryValue String field,
                                 @Nullable @QueryValue String agency, @Nullable @QueryValue String channel) {
        StaffMember me = StaffMember.of(authentication);
        DashboardFilter filter = DashboardFilter.parse(me, agencies, settings.zone(), from, to, field, agency, channel);
        SatisfactionReport report = satisfaction.compute(filter.satisfaction());

        Map<String, Object> model = StaffPages.model(me, text);
        model.put("filter", filter);
        model.put("fields", Arrays.asList(Field.values()));
        model.put("agencies", agencies.all());
        model.put("channels", Channel.ratingChannels());
        model.put("report", report);

        Map<String, String> gauges = new LinkedHashMap<>();
        gauges.put(text.get("admin.gauge.overall"), charts.gauge(text.get("admin.gauge.overall"), report.rate(),
                satisfaction.target(filter.satisfaction(), null), report.total()));
        for (Field f : satisfaction.fieldsWithOwnTarget(filter.satisfaction())) {
            SatisfactionReport byField = satisfaction.compute(filter.forField(f));
            gauges.put(f.label(), charts.gauge(f.label(), byField.rate(), byField.target(),
                    byField.total()));
        }
        model.put("gauges", gauges);
        model.put("trend", charts.trend(text.get("admin.trend"), report.byMonth().stream().map(DashboardController::point)
                .toList(), report.target()));
        model.put("ranking", charts.ranking(text.get("admin.ranking"), report.byAgency().stream()
                .sorted(Comparator.comparing((SatisfactionFigure x) -> x.rate() == null ? -1 : x.rate()).reversed())
                .map(DashboardController::point).toList(), report.target()));
        model.put("assisted", report.assisted());
        model.put("answers", answers.summary(filter.period()));
        model.put("commentReport", comments.compute(filter.period(), filter.agency()));
        model.put("overdue", comments.overdue(filter.agency()));
        model.put("unanswered", answers.unanswered(filter.period(), UNANSWERED_SHOWN));
        model.put("campaigns", campaignsOf(me, filter.period()));
        return model;
    }

    private static SvgCharts.Point point(SatisfactionFigure figure) {
        String label = figure.label() == null ? figure.key() : figure.label();
        return new SvgCharts.Point(label == null ? "" : label, figure.rate(), figure.total());
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
