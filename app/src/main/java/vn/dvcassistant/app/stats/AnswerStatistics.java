package vn.dvcassistant.app.stats;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Helpful rate, fallback rate and the unanswered questions, over a period of local days. */
@Singleton
public final class AnswerStatistics {

    /**
     * Days up to {@code exchange_rollup_state.folded_through} are read from {@code exchange_daily}, later ones
     * from {@code exchange}; both in one statement, so one snapshot. Parameters: the period's first and last
     * local day, the time zone, the period's start and end instants (twice), then the answer ratings' bounds.
     */
    private static final String SUMMARY = """
            WITH s AS (SELECT folded_through AS f FROM exchange_rollup_state WHERE id = 1),
                 daily AS (SELECT coalesce(sum(total) FILTER (WHERE kind IN ('answer', 'clarify', 'fallback')), 0) AS questions,
                                  coalesce(sum(total) FILTER (WHERE kind = 'fallback'), 0) AS fallbacks
                             FROM exchange_daily
                            WHERE day BETWEEN ? AND ? AND day <= (SELECT f FROM s)),
                 tail AS (SELECT count(*) AS questions, count(*) FILTER (WHERE kind = 'fallback') AS fallbacks
                            FROM exchange
                           WHERE kind IN ('answer', 'clarify', 'fallback')
                             AND created_at >= (SELECT CASE WHEN f IS NULL THEN CAST(? AS timestamptz)
                                   ELSE greatest(CAST(? AS timestamptz), (f + 1)::timestamp AT TIME ZONE ?) END FROM s)
                             AND created_at < ?)
            SELECT daily.questions + tail.questions, daily.fallbacks + tail.fallbacks,
                   (SELECT count(*) FROM answer_rating WHERE created_at >= ? AND created_at < ?),
                   (SELECT count(*) FROM answer_rating WHERE helpful AND created_at >= ? AND created_at < ?)
              FROM daily, tail
            """;

    /** The topics answered most often, from the daily counters and the days not folded yet (as in SUMMARY). */
    private static final String MOST_ASKED = """
            WITH s AS (SELECT folded_through AS f FROM exchange_rollup_state WHERE id = 1)
            SELECT topic_id, sum(n) FROM (
                SELECT topic_id, total AS n FROM exchange_daily
                 WHERE kind = 'answer' AND topic_id <> '' AND day BETWEEN ? AND ? AND day <= (SELECT f FROM s)
                UNION ALL
                SELECT topic_id, count(*) FROM exchange
                 WHERE kind = 'answer' AND topic_id IS NOT NULL
                   AND created_at >= (SELECT CASE WHEN f IS NULL THEN CAST(? AS timestamptz)
                         ELSE greatest(CAST(? AS timestamptz), (f + 1)::timestamp AT TIME ZONE ?) END FROM s)
                   AND created_at < ?
                 GROUP BY topic_id) counted
             GROUP BY topic_id ORDER BY sum(n) DESC, topic_id LIMIT ?
            """;

    /**
     * Groups the same question typed with other case or spacing. Runs of whitespace are rare, so they are
     * collapsed only where there are some: a regular expression over every unanswered question of a year
     * was half the year-end report's time.
     */
    private static final String UNANSWERED = """
            SELECT min(question), count(*), count(*) FILTER (WHERE handoff_requested), max(created_at)
              FROM (SELECT question, handoff_requested, created_at, translate(question, E'\\t\\n\\r', '   ') AS spaced
                      FROM exchange
                     WHERE kind = 'fallback' AND created_at >= ? AND created_at < ?) fallback
             GROUP BY lower(btrim(CASE WHEN strpos(spaced, '  ') > 0 THEN regexp_replace(spaced, ' {2,}', ' ', 'g')
                                       ELSE spaced END))
             ORDER BY count(*) DESC, max(created_at) DESC
             LIMIT ?
            """;

    private final TransactionOperations<Connection> transactions;
    private final ZoneId zone;

    public AnswerStatistics(TransactionOperations<Connection> transactions, ProvinceClock settings) {
        this.transactions = transactions;
        this.zone = settings.zone();
    }

    public AnswerSummary summary(Period period) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(SUMMARY)) {
                int i = bindSplit(query, period);
                for (int k = 0; k < 2; k++) {
                    query.setTimestamp(i++, period.start(zone));
                    query.setTimestamp(i++, period.end(zone));
                }
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    long questions = rs.getLong(1);
                    long fallbacks = rs.getLong(2);
                    long ratings = rs.getLong(3);
                    long helpful = rs.getLong(4);
                    return new AnswerSummary(
                            period.from() == null ? null : period.from().toString(),
                            period.to() == null ? null : period.to().toString(),
                            questions, fallbacks, share(fallbacks, questions), ratings, helpful, share(helpful, ratings));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Answer statistics query failed", e);
            }
        });
    }

    /** Staff only: grouped unanswered questions, most asked first. */
    public List<UnansweredQuestion> unanswered(Period period, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(UNANSWERED)) {
                query.setTimestamp(1, period.start(zone));
                query.setTimestamp(2, period.end(zone));
                query.setInt(3, Math.max(1, Math.min(limit, 1000)));
                List<UnansweredQuestion> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(new UnansweredQuestion(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Unanswered questions query failed", e);
            }
        });
    }

    /**
     * Staff only: answers rated "Chưa hữu ích" in {@code period}, newest first, with the question (stored masked)
     * and the topic that answered it: the wording an entry missed, or the entry that answered wrongly.
     */
    public List<UnhelpfulAnswer> unhelpful(Period period, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement("""
                    SELECT e.question, e.topic_id, r.reason, r.updated_at
                      FROM answer_rating r JOIN exchange e ON e.id = r.message_id
                     WHERE NOT r.helpful AND r.updated_at >= ? AND r.updated_at < ?
                     ORDER BY r.updated_at DESC LIMIT ?""")) {
                query.setTimestamp(1, period.start(zone));
                query.setTimestamp(2, period.end(zone));
                query.setInt(3, Math.max(1, Math.min(limit, 1000)));
                List<UnhelpfulAnswer> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(new UnhelpfulAnswer(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Unhelpful answers query failed", e);
            }
        });
    }

    /** An answer a citizen rated not helpful: their question, the topic answered (null if none), their reason. */
    public record UnhelpfulAnswer(String question, String topicId, String reason, java.time.Instant ratedAt) {
    }

    /** The topics answered most often in {@code period}: what citizens asked most. */
    public List<AskedTopic> mostAsked(Period period, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement(MOST_ASKED)) {
                int i = bindSplit(query, period);
                query.setInt(i, Math.max(1, Math.min(limit, 100)));
                List<AskedTopic> result = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        result.add(new AskedTopic(rs.getString(1), rs.getLong(2)));
                    }
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Most asked topics query failed", e);
            }
        });
    }

    /** Binds the period's days, then its instants, as SUMMARY and MOST_ASKED split them; returns the next index. */
    private int bindSplit(PreparedStatement query, Period period) throws SQLException {
        query.setObject(1, period.from() == null ? LocalDate.of(1970, 1, 1) : period.from());
        query.setObject(2, period.to() == null ? LocalDate.of(9998, 12, 31) : period.to());
        query.setTimestamp(3, period.start(zone));
        query.setTimestamp(4, period.start(zone));
        query.setString(5, zone.getId());
        query.setTimestamp(6, period.end(zone));
        return 7;
    }

    /** A topic and how many questions were answered from it. */
    public record AskedTopic(String topicId, long count) {
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
