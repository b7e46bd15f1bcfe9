package vn.dvcassistant.app.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentKind;
import vn.dvcassistant.app.export.ReportExports;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.SatisfactionTargets;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.AnswerSummary;
import vn.dvcassistant.app.stats.CommentFigures;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.app.stats.PeriodComparison;
import vn.dvcassistant.app.stats.SatisfactionFigure;
import vn.dvcassistant.app.stats.SatisfactionFilter;
import vn.dvcassistant.app.stats.SatisfactionReport;
import vn.dvcassistant.app.stats.SatisfactionStatistics;
import vn.dvcassistant.app.stats.UnansweredQuestion;
import vn.dvcassistant.app.web.VietnameseFormat;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the year-end report together from the statistics (the same calls the API and the exports make,
 * so its numbers are theirs): satisfaction overall and per field against the period's targets, by channel
 * and by agency, assisted surveys, comment handling, what citizens asked and what the assistant could
 * not answer, the comparison with the previous period, and the targets with their decisions.
 */
@Singleton
public final class YearEndReports {

    private static final int TOP = 10;

    private final SatisfactionStatistics satisfaction;
    private final PeriodComparison comparison;
    private final AnswerStatistics answers;
    private final CommentStatistics comments;
    private final SatisfactionTargets targets;
    private final AgencyDirectory agencies;
    private final KnowledgeBase knowledgeBase;
    private final ReportExports exports;
    private final Messages messages;
    private final VietnameseFormat format;

    YearEndReports(SatisfactionStatistics satisfaction, PeriodComparison comparison, AnswerStatistics answers,
                   CommentStatistics comments, SatisfactionTargets targets, AgencyDirectory agencies,
                   KnowledgeBase knowledgeBase, ReportExports exports, Messages messages, VietnameseFormat format) {
        this.satisfaction = satisfaction;
        this.comparison = comparison;
        this.answers = answers;
        this.comments = comments;
        this.targets = targets;
        this.agencies = agencies;
        this.knowledgeBase = knowledgeBase;
        this.exports = exports;
        this.messages = messages;
        this.format = format;
    }

    public ReportDocument build(LocalDate from, LocalDate to, @Nullable String agency) {
        SatisfactionFilter filter = new SatisfactionFilter(from, to, null, agency, null);
        SatisfactionReport report = satisfaction.compute(filter);
        Period period = new Period(from, to);
        String scope = agency == null ? messages.get("export.about.wholeProvince")
                : agencies.find(agency).map(Agency::name).orElse(agency);
        List<String> heading = List.of(
                messages.get("report.period", format.date(from), format.date(to)),
                messages.get("report.scope", scope),
                messages.get("report.generated", format.dateTime(Instant.now())));

        List<ReportDocument.Section> sections = new ArrayList<>();
        List<List<String>> fieldRows = new ArrayList<>();
        fieldRows.add(figureRow(messages.get("report.overall"), PeriodComparison.headline(report)));
        for (SatisfactionFigure f : satisfaction.everyField(report, filter)) {
            fieldRows.add(figureRow(f.label(), f));
        }
        sections.add(section("report.s.satisfaction", List.of(
                messages.get("report.satisfaction.summary", format.count(report.total()), format.percent(report.rate()),
                        format.target(report.target()), messages.get("stats.status." + report.status())),
                messages.get("export.about.statusRule", satisfaction.minRatings())),
                table(figureHeaders("report.col.field"), fieldRows)));

        List<List<String>> channelRows = new ArrayList<>();
        for (SatisfactionFigure f : report.byChannel()) {
            channelRows.add(figureRow(f.label(), f));
        }
        sections.add(section("report.s.channel", List.of(messages.get("report.channel.note")),
                table(figureHeaders("report.col.channel"), channelRows)));

        List<List<String>> agencyRows = new ArrayList<>();
        int rank = 1;
        for (SatisfactionFigure f : SatisfactionStatistics.ranking(report.byAgency())) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(rank++)));
            row.addAll(figureRow(f.label(), f));
            agencyRows.add(row);
        }
        List<String> agencyHeaders = new ArrayList<>(List.of(messages.get("export.col.rank")));
        agencyHeaders.addAll(figureHeaders("report.col.agency"));
        sections.add(section("report.s.agency", List.of(), table(agencyHeaders, agencyRows)));

        SatisfactionFigure assisted = report.assisted();
        sections.add(section("report.s.assisted", List.of(assisted == null || assisted.total() == 0
                        ? messages.get("report.assisted.none")
                        : messages.get("report.assisted.summary", format.count(assisted.total()), format.percent(assisted.rate()))),
                assisted == null ? null : table(figureHeaders("report.col.group"),
                        List.of(figureRow(messages.get("export.row.assistedApart"), assisted)))));

        List<List<String>> handling = new ArrayList<>();
        for (CommentKind kind : CommentKind.values()) {
            CommentFigures c = comments.compute(period, agency, kind).total();
            handling.add(List.of(messages.get("export.kind." + kind.code()), format.count(c.received()),
                    format.count(c.acknowledged()), format.percent(c.acknowledgedShare()),
                    format.count(c.answeredOnTime()) + " (" + format.percent(c.answeredOnTimeShare()) + ")",
                    format.count(c.overdue()), format.decimal(c.medianDaysToAnswer())));
        }
        sections.add(section("report.s.comments", List.of(messages.get("report.comments.note")), table(
                List.of(messages.get("report.col.kind"), messages.get("export.col.received"),
                        messages.get("export.col.acknowledged"), messages.get("export.col.acknowledgedSharePct"),
                        messages.get("export.col.answeredOnTime"), messages.get("export.col.overdue"),
                        messages.get("export.col.medianDays")), handling)));

        AnswerSummary summary = answers.summary(period);
        List<List<String>> asked = new ArrayList<>();
        for (AnswerStatistics.AskedTopic t : answers.mostAsked(period, TOP)) {
            asked.add(List.of(knowledgeBase.topic(t.topicId()).map(Topic::title).orElse(t.topicId()), format.count(t.count())));
        }
        List<List<String>> unanswered = new ArrayList<>();
        for (UnansweredQuestion q : answers.unanswered(period, TOP)) {
            unanswered.add(List.of(q.question(), format.count(q.count())));
        }
        sections.add(section("report.s.questions", List.of(messages.get("report.questions.summary",
                        format.count(summary.questions()), format.count(summary.fallbacks()), format.percent(summary.fallbackRate()))),
                table(List.of(messages.get("report.col.topic"), messages.get("report.col.count")), asked),
                table(List.of(messages.get("report.col.unanswered"), messages.get("report.col.count")), unanswered)));

        List<List<String>> compareRows = new ArrayList<>();
        for (PeriodComparison.Row row : comparison.rows(filter, report)) {
            compareRows.add(figureRow(messages.get("stats.compare." + row.kind()) + " (" + format.date(row.from()) + " – "
                    + format.date(row.to()) + ")", row.figure()));
        }
        sections.add(section("report.s.comparison", List.of(), table(figureHeaders("report.col.period"), compareRows)));

        List<List<String>> targetRows = new ArrayList<>();
        for (SatisfactionTargets.Period p : targets.periods(from, to)) {
            targetRows.add(List.of(format.date(p.from()), exports.targetText(p)));
        }
        targetRows.add(List.of(messages.get("report.target.comments"), messages.get("report.target.commentsText")));
        sections.add(section("report.s.targets", List.of(), table(List.of(messages.get("report.col.from"),
                messages.get("report.col.targets")), targetRows)));

        return new ReportDocument(messages.get("report.title"), heading, sections);
    }

    private ReportDocument.Section section(String key, List<String> paragraphs, ReportDocument.Table... tables) {
        List<ReportDocument.Table> list = new ArrayList<>();
        for (ReportDocument.Table t : tables) {
            if (t != null) {
                list.add(t);
            }
        }
        return new ReportDocument.Section(messages.get(key), paragraphs, list);
    }

    private static ReportDocument.Table table(List<String> headers, List<List<String>> rows) {
        return new ReportDocument.Table(headers, rows);
    }

    private List<String> figureHeaders(String firstKey) {
        return List.of(messages.get(firstKey), messages.get("admin.col.ratings"), messages.get("admin.col.satisfied"),
                messages.get("admin.col.rate"), messages.get("admin.col.interval"), messages.get("admin.col.target"),
                messages.get("admin.col.status"));
    }

    private List<String> figureRow(String label, SatisfactionFigure f) {
        return List.of(label == null ? "" : label, format.count(f.total()), format.count(f.satisfied()),
                format.percent(f.rate()), format.interval(f.ci95()), format.target(f.target()),
                messages.get("stats.status." + f.status()));
    }
}
