package vn.dvcassistant.app.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.stats.AnswerStatistics;
import vn.dvcassistant.app.stats.AnswerSummary;
import vn.dvcassistant.app.stats.CommentFigures;
import vn.dvcassistant.app.stats.CommentReport;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.stats.Period;
import vn.dvcassistant.app.stats.SatisfactionFigure;
import vn.dvcassistant.app.stats.SatisfactionFilter;
import vn.dvcassistant.app.stats.SatisfactionReport;
import vn.dvcassistant.app.stats.SatisfactionStatistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The two exports of the yearly report: the statistics (satisfaction with its breakdowns, answers,
 * comment handling) and the raw ratings of a period, row by row from a database cursor.
 */
@Singleton
public class ReportExports {

    private static final int FETCH_SIZE = 1000;
    private static final String RATINGS = """
            SELECT rated_on, rated_at, topic_id, field, agency, channel, level, satisfied, comment
            FROM satisfaction_rating
            WHERE rated_on BETWEEN ? AND ? AND (CAST(? AS VARCHAR) IS NULL OR agency = ?)
            ORDER BY rated_at, id""";
    private static final String ANSWER_RATINGS = """
            SELECT r.created_at, e.topic_id, r.channel, r.helpful, r.reason
            FROM answer_rating r JOIN exchange e ON e.id = r.message_id
            WHERE r.created_at >= ? AND r.created_at < ?
            ORDER BY r.created_at""";

    private final SatisfactionStatistics satisfaction;
    private final AnswerStatistics answers;
    private final CommentStatistics comments;
    private final TransactionOperations<Connection> transactions;
    private final Messages messages;

    ReportExports(SatisfactionStatistics satisfaction, AnswerStatistics answers, CommentStatistics comments,
                  TransactionOperations<Connection> transactions, Messages messages) {
        this.satisfaction = satisfaction;
        this.answers = answers;
        this.comments = comments;
        this.transactions = transactions;
        this.messages = messages;
    }

    /** Statistics of the period; {@code agency} limits everything to one agency (agency staff). */
    public void statistics(TableWriter out, LocalDate from, LocalDate to, @Nullable String agency) throws IOException {
        SatisfactionReport report = satisfaction.compute(new SatisfactionFilter(from, to, null, agency, null));
        List<String> figureHeaders = headers("export.col.group", "export.col.key", "export.col.label",
                "export.col.total", "export.col.satisfied", "export.col.rate", "export.col.ciLow", "export.col.ciHigh",
                "export.col.target", "export.col.status");
        out.table(messages.get("export.sheet.satisfaction"), figureHeaders);
        out.row(figureRow(messages.get("export.group.total"), SatisfactionFigure.of(null,
                messages.get("export.group.total"), report.satisfied(), report.total(), report.target())));
        figures(out, "export.group.field", report.byField());
        figures(out, "export.group.agency", report.byAgency());
        figures(out, "export.group.channel", report.byChannel());
        figures(out, "export.group.month", report.byMonth());
        if (report.assisted() != null) {
            out.row(figureRow(messages.get("export.group.assisted"), report.assisted()));
        }

        AnswerSummary summary = answers.summary(new Period(from, to));
        out.table(messages.get("export.sheet.answers"), headers("export.col.questions", "export.col.fallbacks",
                "export.col.fallbackRate", "export.col.answerRatings", "export.col.helpful", "export.col.helpfulRate"));
        out.row(Arrays.asList(summary.questions(), summary.fallbacks(), summary.fallbackRate(), summary.ratings(),
                summary.helpful(), summary.helpfulRate()));

        CommentReport commentReport = comments.compute(new Period(from, to), agency);
        out.table(messages.get("export.sheet.comments"), headers("export.col.agency", "export.col.received",
                "export.col.acknowledged", "export.col.acknowledgedShare", "export.col.answered",
                "export.col.answeredOnTime", "export.col.medianDays", "export.col.published", "export.col.overdue"));
        for (CommentFigures f : commentReport.byAgency()) {
            out.row(commentRow(f.agencyName() == null ? f.agency() : f.agencyName(), f));
        }
        out.row(commentRow(messages.get("export.group.total"), commentReport.total()));
    }

    /** Every satisfaction rating and answer rating of the period, oldest first. */
    public void ratings(TableWriter out, LocalDate from, LocalDate to, ZoneId zone, @Nullable String agency)
            throws IOException {
        out.table(messages.get("export.sheet.ratings"), headers("export.col.day", "export.col.at", "export.col.topic",
                "export.col.field", "export.col.agency", "export.col.channel", "export.col.level",
                "export.col.satisfiedFlag", "export.col.comment"));
        stream(RATINGS, out, 9, query -> {
            query.setObject(1, from);
            query.setObject(2, to);
            query.setString(3, agency);
            query.setString(4, agency);
        });
        if (agency == null) {
            // Answer ratings belong to no agency, so agency staff do not get them.
            out.table(messages.get("export.sheet.answerRatings"), headers("export.col.at", "export.col.topic",
                    "export.col.channel", "export.col.helpfulFlag", "export.col.reason"));
            stream(ANSWER_RATINGS, out, 5, query -> {
                query.setObject(1, from.atStartOfDay(zone).toOffsetDateTime());
                query.setObject(2, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            });
        }
    }

    private interface Binder {
        void bind(PreparedStatement query) throws SQLException;
    }

    private void stream(String sql, TableWriter out, int columns, Binder binder) {
        transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setFetchSize(FETCH_SIZE);
                binder.bind(query);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>(columns);
                        for (int c = 1; c <= columns; c++) {
                            row.add(cell(rs.getObject(c)));
                        }
                        out.row(row);
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

    private static Object cell(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value;
    }

    private void figures(TableWriter out, String groupKey, List<SatisfactionFigure> figures) throws IOException {
        for (SatisfactionFigure f : figures) {
            out.row(figureRow(messages.get(groupKey), f));
        }
    }

    private static List<Object> figureRow(String group, SatisfactionFigure f) {
        return Arrays.asList(group, f.key(), f.label(), f.total(), f.satisfied(), f.rate(),
                f.ci95() == null ? null : f.ci95().get(0), f.ci95() == null ? null : f.ci95().get(1), f.target(),
                f.status());
    }

    private static List<Object> commentRow(String name, CommentFigures f) {
        return Arrays.asList(name, f.received(), f.acknowledged(), f.acknowledgedShare(), f.answered(),
                f.answeredOnTime(), f.medianDaysToAnswer(), f.published(), f.overdue());
    }

    private List<String> headers(String... keys) {
        return Arrays.stream(keys).map(messages::get).toList();
    }
}
