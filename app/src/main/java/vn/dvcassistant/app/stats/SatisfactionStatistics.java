package vn.dvcassistant.app.stats;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.app.province.SatisfactionTargets;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Decision 1588 satisfaction figure and its breakdowns, from the daily roll-up plus the ratings
 * not yet rolled up (so the figures are exact, not as of the last roll-up), in one query.
 */
@Singleton
public final class SatisfactionStatistics {

    private static final String QUERY = """
            WITH counts AS (
                SELECT rated_on, field, agency, channel, satisfied, total
                  FROM satisfaction_daily
                 WHERE TRUE %1$s
                UNION ALL
                SELECT rated_on, field, agency, channel, count(*) FILTER (WHERE satisfied), count(*)
                  FROM satisfaction_rating
                 WHERE txid >= ?::xid8 %1$s
                 GROUP BY rated_on, field, agency, channel
            ), keyed AS (
                SELECT channel = 'assisted' AS assisted, field, agency, channel,
                       to_char(rated_on, 'YYYY-MM') AS month, satisfied, total
                  FROM counts
            )
            SELECT assisted, field, agency, channel, month,
                   sum(satisfied)::bigint, sum(total)::bigint,
                   GROUPING(field), GROUPING(agency), GROUPING(channel), GROUPING(month)
              FROM keyed
             GROUP BY GROUPING SETS ((assisted), (assisted, field), (assisted, agency), (channel), (assisted, month))
            """;

    private final TransactionOperations<Connection> transactions;
    private final AgencyDirectory agencies;
    private final Messages messages;
    private final SatisfactionTargets targets;
    private final ProvinceClock clock;
    private final int minRatings;

    public SatisfactionStatistics(TransactionOperations<Connection> transactions, AgencyDirectory agencies,
                                  Messages messages, SatisfactionTargets targets, ProvinceClock clock,
                                  @Property(name = "dvc.stats.min-ratings", defaultValue = "30") int minRatings) {
        this.transactions = transactions;
        this.agencies = agencies;
        this.messages = messages;
        this.targets = targets;
        this.clock = clock;
        this.minRatings = Math.max(0, minRatings);
    }

    /** Below this many ratings a figure's status is "not enough data" ({@code dvc.stats.min-ratings}). */
    public int minRatings() {
        return minRatings;
    }

    /** A figure under the same rules as every figure of {@link #compute}: interval, target and minimum. */
    public SatisfactionFigure figure(String key, String label, long satisfied, long total, double target) {
        return SatisfactionFigure.of(key, label, satisfied, total, target, minRatings);
    }

    /**
     * {@code report}'s field breakdown with every field listed, in the fields' order: a field without
     * ratings gets an empty figure with its own target, so a table of all thirteen shows what is missing.
     */
    public List<SatisfactionFigure> everyField(SatisfactionReport report, SatisfactionFilter filter) {
        List<SatisfactionFigure> all = new ArrayList<>();
        for (Field field : Field.values()) {
            all.add(report.byField().stream().filter(f -> field.code().equals(f.key())).findFirst()
                    .orElseGet(() -> figure(field.code(), field.label(), 0, 0, target(filter, field))));
        }
        return all;
    }

    /**
     * The target figures under {@code filter} are held to for {@code field} (null: the overall target):
     * the one in force on the filter's last day, or today when the filter runs on.
     */
    public double target(SatisfactionFilter filter, @Nullable Field field) {
        return targets.target(field, filter.to() != null ? filter.to() : clock.today());
    }

    /** Fields with a target of their own in force for {@code filter}, each shown on its own gauge. */
    public List<Field> fieldsWithOwnTarget(SatisfactionFilter filter) {
        return targets.fieldsWithOwnTarget(filter.to() != null ? filter.to() : clock.today());
    }

    public SatisfactionReport compute(SatisfactionFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String conditions = conditions(filter, parameters);
        List<Row> rows = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            // One snapshot for the watermark and the counts, so a roll-up committing in between can
            // neither double-count nor drop ratings. The watermark is passed as a value (not a
            // sub-select) so the planner sees that the tail is small and uses the txid index.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                String rolledBelow;
                try (ResultSet rs = statement.executeQuery(
                        "SELECT rolled_below::text FROM satisfaction_rollup_state WHERE id = 1")) {
                    rs.next();
                    rolledBelow = rs.getString(1);
                }
                try (PreparedStatement query = connection.prepareStatement(QUERY.formatted(conditions))) {
                    int i = 1;
                    for (Object p : parameters) {
                        query.setObject(i++, p);
                    }
                    query.setString(i++, rolledBelow);
                    for (Object p : parameters) {
                        query.setObject(i++, p);
                    }
                    List<Row> result = new ArrayList<>();
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            result.add(new Row(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getLong(6), rs.getLong(7),
                                    rs.getInt(8) == 0, rs.getInt(9) == 0, rs.getInt(10) == 0, rs.getInt(11) == 0));
                        }
                    }
                    return result;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Satisfaction statistics query failed", e);
            }
        });
        return report(filter, rows);
    }

    private SatisfactionReport report(SatisfactionFilter filter, List<Row> rows) {
        boolean headlineAssisted = filter.channel() == Channel.ASSISTED;
        double target = target(filter, filter.field());
        SatisfactionFigure headline = figure(null, null, 0, 0, target);
        SatisfactionFigure assisted = filter.channel() == null ? figure(null, null, 0, 0, target) : null;
        List<SatisfactionFigure> byField = new ArrayList<>();
        List<SatisfactionFigure> byAgency = new ArrayList<>();
        List<SatisfactionFigure> byChannel = new ArrayList<>();
        List<SatisfactionFigure> byMonth = new ArrayList<>();
        for (Row row : rows) {
            if (row.byChannel()) {
                Channel channel = Channel.fromCode(row.channel()).orElse(null);
                byChannel.add(figure(row.channel(), channel == null ? null : channel.label(),
                        row.satisfied(), row.total(), target));
                continue;
            }
            if (row.assisted() != headlineAssisted) {
                if (row.assisted() && assisted != null && !row.byField() && !row.byAgency() && !row.byMonth()) {
                    assisted = figure(null, null, row.satisfied(), row.total(), target);
                }
                continue;
            }
            if (row.byField()) {
                Field field = Field.fromCode(row.field()).orElse(null);
                byField.add(figure(row.field(), field == null ? null : field.label(),
                        row.satisfied(), row.total(), target(filter, field)));
            } else if (row.byAgency()) {
                byAgency.add(figure(row.agency().isEmpty() ? null : row.agency(), agencyLabel(row.agency()),
                        row.satisfied(), row.total(), target));
            } else if (row.byMonth()) {
                byMonth.add(figure(row.month(), null, row.satisfied(), row.total(), target));
            } else {
                headline = figure(null, null, row.satisfied(), row.total(), target);
            }
        }
        byField.sort(Comparator.comparing(f -> Field.fromCode(f.key()).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        byAgency.sort(Comparator.comparing(SatisfactionFigure::total).reversed());
        byChannel.sort(Comparator.comparing(f -> Channel.fromCode(f.key()).map(Enum::ordinal).orElse(Integer.MAX_VALUE)));
        byMonth.sort(Comparator.comparing(SatisfactionFigure::key));
        return new SatisfactionReport(
                filter.from() == null ? null : filter.from().toString(),
                filter.to() == null ? null : filter.to().toString(),
                filter.field() == null ? null : filter.field().code(),
                filter.agency(),
                filter.channel() == null ? null : filter.channel().code(),
                headline.total(), headline.satisfied(), headline.rate(), headline.ci95(), target, headline.status(),
                List.copyOf(byField), List.copyOf(byAgency), List.copyOf(byChannel), List.copyOf(byMonth), assisted);
    }

    /** Agencies best first (rate, then more ratings); those without ratings last. */
    public static List<SatisfactionFigure> ranking(List<SatisfactionFigure> byAgency) {
        return byAgency.stream().sorted(Comparator.comparing((SatisfactionFigure f) -> f.rate() == null ? -1 : f.rate())
                .thenComparing(SatisfactionFigure::total).reversed()).toList();
    }

    private String agencyLabel(String code) {
        if (code.isEmpty()) {
            return messages.get("stats.agency.none");
        }
        return agencies.find(code).map(Agency::name).orElse(code);
    }

    private String conditions(SatisfactionFilter filter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        if (filter.from() != null) {
            sql.append(" AND rated_on >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND rated_on <= ?");
            parameters.add(filter.to());
        }
        if (filter.field() != null) {
            sql.append(" AND field = ?");
            parameters.add(filter.field().code());
        }
        if (filter.agency() != null) {
            // An agency's figures include the agencies under it (a province police's, its communes' police).
            sql.append(" AND agency = ANY (?)");
            parameters.add(agencies.withDescendants(filter.agency()).toArray(String[]::new));
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = ?");
            parameters.add(filter.channel().code());
        }
        return sql.toString();
    }

    private record Row(boolean assisted, String field, String agency, String channel, String month,
                       long satisfied, long total,
                       boolean byField, boolean byAgency, boolean byChannel, boolean byMonth) {
    }
}
