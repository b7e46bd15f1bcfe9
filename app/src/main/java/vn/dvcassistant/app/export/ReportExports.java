package vn.dvcassistant.app.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentKind;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.SatisfactionTargets;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.AnswerSummary;
import vn.dvcassistant.app.stats.CommentFigures;
import vn.dvcassistant.app.stats.CommentLine;
import vn.dvcassistant.app.stats.CommentReport;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.app.stats.PeriodComparison;
import vn.dvcassistant.app.stats.SatisfactionFigure;
import vn.dvcassistant.app.stats.SatisfactionFilter;
import vn.dvcassistant.app.stats.SatisfactionReport;
import vn.dvcassistant.app.stats.SatisfactionStatistics;
import vn.dvcassistant.app.web.VietnameseFormat;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two exports of the yearly report: the statistics (a sheet per breakdown, every figure from the
 * {@code stats} package, every code with its Vietnamese name) and the raw ratings of a period, row by row
 * from a database cursor. Volunteer-assisted surveys are never in a total: they have a row of their own,
 * and the sheets say so.
 */
@Singleton
public class ReportExports {

    private static final int FETCH_SIZE = 1000;
    private static final String RATINGS = """
            SELECT rated_on, rated_at, topic_id, field, agency, channel, level, satisfied, comment
            FROM satisfaction_rating
            WHERE rated_on BETWEEN ? AND ? AND (CAST(? AS VARCHAR[]) IS NULL OR agency = ANY (?))
            ORDER BY rated_at, id""";
    private static final String ANSWER_RATINGS = """
            SELECT r.created_at, e.topic_id, r.channel, r.helpful, r.reason
            FROM answer_rating r JOIN exchange e ON e.id = r.message_id
            WHERE r.created_at >= ? AND r.created_at < ?
            ORDER BY r.created_at""";

    private final SatisfactionStatistics satisfaction;
    private final AnswerStatistics answers;
    private final CommentStatistics comments;
    private final SatisfactionTargets targets;
    private final AgencyDirectory agencies;
    private final KnowledgeBase knowledgeBase;
    private final TransactionOperations<Connection> transactions;
    private final Messages messages;
    private final VietnameseFormat format;

    ReportExports(SatisfactionStatistics satisfaction, AnswerStatistics answers, CommentStatistics comments,
                  SatisfactionTargets targets, AgencyDirectory agencies, KnowledgeBase knowledgeBase,
                  TransactionOperations<Connection> transactions, Messages messages, VietnameseFormat format) {
        this.satisfaction = satisfaction;
        this.answers = answers;
        this.comments = comments;
        this.targets = targets;
        this.agencies = agencies;
        this.knowledgeBase = knowledgeBase;
        this.transactions = transactions;
        this.messages = messages;
        this.format = format;
    }

    /** Statistics of the period; {@code agency} limits everything to one agency. */
    public void statistics(TableWriter out, LocalDate from, LocalDate to, @Nullable String agency) throws IOException {
        SatisfactionFilter filter = new SatisfactionFilter(from, to, null, agency, null);
        SatisfactionReport report = satisfaction.compute(filter);
        Period period = new Period(from, to);

        about(out, from, to, agency);

        List<String> figureHeaders = headers("export.col.label", "export.col.total", "export.col.satisfied",
                "export.col.ratePct", "export.col.ciLowPct", "export.col.ciHighPct", "export.col.targetPct",
                "export.col.status");
        out.table(messages.get("export.sheet.overall"), figureHeaders);
        out.row(figureRow(messages.get("export.row.totalWithoutAssisted"), PeriodComparison.headline(report)));
        if (report.assisted() != null) {
            out.row(figureRow(messages.get("export.row.assistedApart"), report.assisted()));
        }

        out.table(messages.get("export.sheet.field"), figureHeaders);
        for (SatisfactionFigure f : satisfaction.everyField(report, filter)) {
            out.row(figureRow(f.label(), f));
        }
        out.row(figureRow(messages.get("export.row.totalWithoutAssisted"), PeriodComparison.headline(report)));

        out.table(messages.get("export.sheet.agency"), prepend("export.col.rank", figureHeaders));
        int rank = 1;
        for (SatisfactionFigure f : SatisfactionStatistics.ranking(report.byAgency())) {
            List<Object> row = new ArrayList<>(List.of(rank++));
            row.addAll(figureRow(f.label(), f));
            out.row(row);
        }
        out.row(prependBlank(figureRow(messages.get("export.row.totalWithoutAssisted"), PeriodComparison.headline(report))));

        out.table(messages.get("export.sheet.channel"), figureHeaders);
        SatisfactionFigure assistedChannel = null;
        for (SatisfactionFigure f : report.byChannel()) {
            if (Channel.ASSISTED.code().equals(f.key())) {
                assistedChannel = f;
            } else {
                out.row(figureRow(f.label(), f));
            }
        }
        out.row(figureRow(messages.get("export.row.totalWithoutAssisted"), PeriodComparison.headline(report)));
        if (assistedChannel != null) {
            out.row(figureRow(messages.get("export.row.assistedApart"), assistedChannel));
        }

        out.table(messages.get("export.sheet.month"), figureHeaders);
        for (SatisfactionFigure f : report.byMonth()) {
            out.row(figureRow(format.month(f.key()), f));
        }
        out.row(figureRow(messages.get("export.row.totalWithoutAssisted"), PeriodComparison.headline(report)));

        AnswerSummary summary = answers.summary(period);
        out.table(messages.get("export.sheet.answers"), headers("export.col.questions", "export.col.fallbacks",
                "export.col.fallbackRatePct", "export.col.answerRatings", "export.col.helpful", "export.col.helpfulRatePct"));
        out.row(Arrays.asList(summary.questions(), summary.fallbacks(), new Percent(summary.fallbackRate()),
                summary.ratings(), summary.helpful(), new Percent(summary.helpfulRate())));

        List<String> commentHeaders = headers("export.col.agency", "export.col.received",
                "export.col.acknowledged", "export.col.acknowledgedSharePct", "export.col.answered",
                "export.col.answeredOnTime", "export.col.answeredOnTimeSharePct", "export.col.medianDays",
                "export.col.published", "export.col.overdue");
        for (CommentKind kind : CommentKind.values()) {
            CommentReport commentReport = comments.compute(period, agency, kind);
            out.table(messages.get(kind == CommentKind.COMMENT ? "export.sheet.comments" : "export.sheet.questions"),
                    commentHeaders);
            for (CommentFigures f : commentReport.byAgency()) {
                out.row(commentRow(f.agencyName() == null ? f.agency() : f.agencyName(), f));
            }
            out.row(commentRow(messages.get("export.group.total"), commentReport.total()));
        }

        out.table(messages.get("export.sheet.commentList"), headers("export.col.code", "export.col.kind",
                "export.col.field", "export.col.agency", "export.col.commentStatus", "export.col.receivedAt",
                "export.col.deadline", "export.col.answeredAt", "export.col.publishedAt", "export.col.onTime",
                "export.col.daysTaken"));
        comments.lines(period, agency, line -> out.row(commentLine(line)));
    }

    /** The first sheet: what the figures cover and which targets they are held to, and where those come from. */
    private void about(TableWriter out, LocalDate from, LocalDate to, @Nullable String agency) throws IOException {
        out.table(messages.get("export.sheet.about"), headers("export.col.item", "export.col.value"));
        out.row(List.of(messages.get("export.about.period"), format.date(from) + " – " + format.date(to)));
        out.row(List.of(messages.get("export.about.scope"), agency == null ? messages.get("export.about.wholeProvince")
                : agencyName(agency)));
        out.row(List.of(messages.get("export.about.filters"), messages.get("export.about.noOtherFilter")));
        out.row(List.of(messages.get("export.about.assisted"), messages.get("export.about.assistedApart")));
        out.row(List.of(messages.get("export.about.status"),
                messages.get("export.about.statusRule", satisfaction.minRatings())));
        for (SatisfactionTargets.Period p : targets.periods(from, to)) {
            out.row(List.of(messages.get("export.about.targetsFrom", format.date(p.from())), targetText(p)));
        }
        out.row(List.of(messages.get("export.about.generated"), format.dateTime(Instant.now())));
    }

    /** "90% chung; 85% cho Đất đai, Xây dựng, Đầu tư (Quyết định 1588/QĐ-TTg ngày 17/12/2024)". */
    public String targetText(SatisfactionTargets.Period p) {
        StringBuilder text = new StringBuilder(messages.get("export.about.targetOverall", format.target(p.overall())));
        if (!p.fields().isEmpty()) {
            text.append("; ").append(messages.get("export.about.targetFields", format.target(p.fieldTarget()),
                    p.fields().stream().map(Field::label).collect(Collectors.joining(", "))));
        }
        if (p.source() != null) {
            text.append(" (").append(p.source()).append(')');
        }
        return text.toString();
    }

    /** Every satisfaction rating and answer rating of the period, oldest first. */
    public void ratings(TableWriter out, LocalDate from, LocalDate to, ZoneId zone, @Nullable String agency)
            throws IOException {
        out.table(messages.get("export.sheet.ratings"), headers("export.col.day", "export.col.at",
                "export.col.topicCode", "export.col.topic", "export.col.field", "export.col.agency",
                "export.col.channel", "export.col.level", "export.col.satisfiedFlag", "export.col.comment"));
        stream(RATINGS, out, rs -> Arrays.asList(rs.getObject(1, LocalDate.class), rs.getTimestamp(2).toInstant(),
                rs.getString(3), topicTitle(rs.getString(3)), fieldLabel(rs.getString(4)),
                rs.getString(5) == null || rs.getString(5).isEmpty() ? messages.get("stats.agency.none") : agencyName(rs.getString(5)),
                channelLabel(rs.getString(6)), messages.get("survey.level." + rs.getString(7)), yesNo(rs.getBoolean(8)),
                rs.getString(9)), query -> {
            query.setObject(1, from);
            query.setObject(2, to);
            // As in the statistics: an agency's ratings include those of the agencies under it.
            java.sql.Array codes = agency == null ? null
                    : query.getConnection().createArrayOf("varchar", agencies.withDescendants(agency).toArray());
            query.setArray(3, codes);
            query.setArray(4, codes);
        });
        if (agency == null) {
            // Answer ratings belong to no agency, so agency staff do not get them.
            out.table(messages.get("export.sheet.answerRatings"), headers("export.col.at", "export.col.topicCode",
                    "export.col.topic", "export.col.channel", "export.col.helpfulFlag", "export.col.reason"));
            stream(ANSWER_RATINGS, out, rs -> Arrays.asList(rs.getTimestamp(1).toInstant(), rs.getString(2),
                    topicTitle(rs.getString(2)), channelLabel(rs.getString(3)), yesNo(rs.getBoolean(4)),
                    rs.getString(5)), query -> {
                query.setObject(1, from.atStartOfDay(zone).toOffsetDateTime());
                query.setObject(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            });
        }
    }

    private interface Binder {
        void bind(PreparedStatement query) throws SQLException;
    }

    private interface RowMapper {
        List<?> map(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, TableWriter out, RowMapper mapper, Binder binder) {
        transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                binder.bind(query);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        out.row(mapper.map(rs));
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Export query failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<Object> figureRow(String label, SatisfactionFigure f) {
        return Arrays.asList(label, f.total(), f.satisfied(), new Percent(f.rate()),
                new Percent(f.ci95() == null ? null : f.ci95().get(0)),
                new Percent(f.ci95() == null ? null : f.ci95().get(1)), new Percent(f.target()),
                messages.get("stats.status." + f.status()));
    }

    private static List<Object> commentRow(String name, CommentFigures f) {
        return Arrays.asList(name, f.received(), f.acknowledged(), new Percent(f.acknowledgedShare()), f.answered(),
                f.answeredOnTime(), new Percent(f.answeredOnTimeShare()), f.medianDaysToAnswer(), f.published(),
                f.overdue());
    }

    private List<Object> commentLine(CommentLine c) {
        return Arrays.asList(c.code(), messages.get("export.kind." + c.kind()), fieldLabel(c.field()),
                agencyName(c.agency()), messages.get("comment.status." + c.status()), c.receivedAt(), c.deadline(),
                c.answeredAt(), c.publishedAt(), c.onTime() == null ? null : yesNo(c.onTime()), c.daysTaken());
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "export.yes" : "export.no");
    }

    private String topicTitle(String id) {
        return id == null ? null : knowledgeBase.topic(id).map(Topic::title).orElse(id);
    }

    private static String fieldLabel(String code) {
        return code == null ? null : Field.fromCode(code).map(Field::label).orElse(code);
    }

    private static String channelLabel(String code) {
        return code == null ? null : Channel.fromCode(code).map(Channel::label).orElse(code);
    }

    private String agencyName(String code) {
        return agencies.find(code).map(Agency::name).orElse(code);
    }

    private List<String> headers(String... keys) {
        return Arrays.stream(keys).map(messages::get).toList();
    }

    private List<String> prepend(String key, List<String> headers) {
        List<String> all = new ArrayList<>(List.of(messages.get(key)));
        all.addAll(headers);
        return all;
    }

    private static List<Object> prependBlank(List<Object> row) {
        List<Object> all = new ArrayList<>();
        all.add(null);
        all.addAll(row);
        return all;
    }
}
