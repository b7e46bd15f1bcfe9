package vn.dvcassistant.app.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentKind;
import vn.dvcassistant.app.comments.CommentRules;
import vn.dvcassistant.app.comments.CommentStatus;
import vn.dvcassistant.app.province.WorkingDayCalendar;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Share acknowledged, share answered on time, median time to answer and overdue comments, per agency. */
@Singleton
public final class CommentStatistics {

    private static final String FIGURES = """
            SELECT agency,
                   count(*),
                   count(acknowledged_at),
                   count(answered_at),
                   count(*) FILTER (WHERE %s),
                   count(*) FILTER (WHERE %s),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - received_at) / 86400.0)
                       FILTER (WHERE answered_at IS NOT NULL),
                   count(*) FILTER (WHERE status = '%s'),
                   count(*) FILTER (WHERE %s),
                   GROUPING(agency)
              FROM citizen_comment
             WHERE kind = ? AND received_at >= ? AND received_at < ? %s
             GROUP BY GROUPING SETS ((), (agency))
            """;

    private final TransactionOperations<Connection> transactions;
    private final AgencyDirectory agencies;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    public CommentStatistics(TransactionOperations<Connection> transactions, AgencyDirectory agencies,
                             WorkingDayCalendar calendar, ProvinceClock settings) {
        this.transactions = transactions;
        this.agencies = agencies;
        this.calendar = calendar;
        this.zone = settings.zone();
    }

    /** Comments (not hand-off questions) received in {@code period}, optionally of one agency. */
    public CommentReport compute(Period period, @Nullable String agency) {
        return compute(period, agency, CommentKind.COMMENT);
    }

    /**
     * Items of one kind (comments, or questions handed over to staff) received in {@code period}, optionally
     * of one agency; both kinds follow the same rules ({@code CommentRules}).
     */
    public CommentReport compute(Period period, @Nullable String agency, CommentKind kind) {
        LocalDate today = LocalDate.now(zone);
        String sql = FIGURES.formatted(CommentRules.ANSWERED_ON_TIME_SQL, CommentRules.LATE_UNANSWERED_SQL,
                CommentStatus.PUBLISHED.code(), CommentRules.OVERDUE_SQL, agency == null ? "" : "AND agency = ?");
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                int i = 1;
                query.setString(i++, zone.getId());
                query.setObject(i++, today);
                query.setObject(i++, today);
                query.setObject(i++, today);
                query.setString(i++, kind.code());
                query.setTimestamp(i++, period.start(zone));
                query.setTimestamp(i++, period.end(zone));
                if (agency != null) {
                    query.setString(i, agency);
                }
                CommentFigures total = figures(null, 0, 0, 0, 0, 0, null, 0, 0);
                List<CommentFigures> byAgency = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        double median = rs.getDouble(7);
                        Double medianDays = rs.wasNull() ? null : Math.round(median * 100) / 100.0;
                        CommentFigures row = figures(rs.getInt(10) == 0 ? rs.getString(1) : null,
                                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                                medianDays, rs.getLong(8), rs.getLong(9));
                        if (rs.getInt(10) == 1) {
                            total = row;
                        } else {
                            byAgency.add(row);
                        }
                    }
                }
                byAgency.sort((a, b) -> Long.compare(b.received(), a.received()));
                return new CommentReport(period.from() == null ? null : period.from().toString(),
                        period.to() == null ? null : period.to().toString(), total, List.copyOf(byAgency));
            } catch (SQLException e) {
                throw new IllegalStateException("Comment statistics query failed", e);
            }
        });
    }

    /** Receives comment lines one at a time, so a year of them never sits in memory. */
    @FunctionalInterface
    public interface LineSink {
        void accept(CommentLine line) throws java.io.IOException;
    }

    /**
     * Every comment and hand-off question received in {@code period} (optionally of one agency), oldest
     * first, under the same rules ({@code CommentRules}) as {@link #compute}: the lines of each kind add up
     * to that kind's figures.
     */
    public void lines(Period period, @Nullable String agency, LineSink sink) {
        LocalDate today = LocalDate.now(zone);
        String sql = "SELECT code, kind, field, agency, status, received_at, " + CommentRules.CURRENT_DEADLINE_SQL
                + ", answered_at, published_at, CASE WHEN " + CommentRules.ANSWERED_ON_TIME_SQL + " THEN TRUE"
                + " WHEN answered_at IS NOT NULL OR (" + CommentRules.LATE_UNANSWERED_SQL + ") THEN FALSE END,"
                + " round((extract(epoch FROM answered_at - received_at) / 86400.0)::numeric, 2)"
                + " FROM citizen_comment WHERE received_at >= ? AND received_at < ?"
                + (agency == null ? "" : " AND agency = ?") + " ORDER BY received_at, code";
        transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setFetchSize(1000);
                int i = 1;
                query.setString(i++, zone.getId());
                query.setObject(i++, today);
                query.setTimestamp(i++, period.start(zone));
                query.setTimestamp(i++, period.end(zone));
                if (agency != null) {
                    query.setString(i, agency);
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        java.math.BigDecimal days = rs.getBigDecimal(11);
                        Object onTime = rs.getObject(10);
                        sink.accept(new CommentLine(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                                rs.getObject(7, LocalDate.class), instant(rs.getTimestamp(8)),
                                instant(rs.getTimestamp(9)), (Boolean) onTime, days == null ? null : days.doubleValue()));
                    }
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Comment lines query failed", e);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Open comments and hand-off questions past their current deadline, most late first; codes and dates
     * only, no personal data.
     */
    public List<OverdueComment> overdue(@Nullable String agency) {
        LocalDate today = LocalDate.now(zone);
        String sql = "SELECT code, agency, status, " + CommentRules.CURRENT_DEADLINE_SQL + ", kind"
                + " FROM citizen_comment WHERE " + CommentRules.OVERDUE_SQL + (agency == null ? "" : " AND agency = ?")
                + " ORDER BY 4, code LIMIT 1000";
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(sql)) {
                query.setObject(1, today);
                query.setObject(2, today);
                if (agency != null) {
                    query.setString(3, agency);
                }
                List<OverdueComment> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        LocalDate due = rs.getObject(4, LocalDate.class);
                        String code = rs.getString(2);
                        result.add(new OverdueComment(rs.getString(1), code, rs.getString(3),
                                due.toString(), calendar.workingDaysBetween(due, today), rs.getString(5),
                                agencies.find(code).map(Agency::name).orElse(code)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Overdue comments query failed", e);
            }
        });
    }

    private CommentFigures figures(String agency, long received, long acknowledged, long answered, long onTime,
                                   long lateUnanswered, Double medianDays, long published, long overdue) {
        String name = agency == null ? null : agencies.find(agency).map(Agency::name).orElse(agency);
        return new CommentFigures(agency, name, received, acknowledged, AnswerStatistics.share(acknowledged, received),
                answered, onTime, AnswerStatistics.share(onTime, answered + lateUnanswered), medianDays, published, overdue);
    }
}
