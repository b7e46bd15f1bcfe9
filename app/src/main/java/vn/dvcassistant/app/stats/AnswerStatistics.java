package vn.dvcassistant.app.stats;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Helpful rate, fallback rate and the unanswered questions, over a period of local days. */
@Singleton
public final class AnswerStatistics {

    private static final String SUMMARY = """
            SELECT (SELECT count(*) FROM exchange
                     WHERE kind IN ('answer', 'clarify', 'fallback') AND created_at >= ? AND created_at < ?),
                   (SELECT count(*) FROM exchange
                     WHERE kind = 'fallback' AND created_at >= ? AND created_at < ?),
                   (SELECT count(*) FROM answer_rating WHERE created_at >= ? AND created_at < ?),
                   (SELECT count(*) FROM answer_rating WHERE helpful AND created_at >= ? AND created_at < ?)
            """;

    private static final String UNANSWERED = """
            SELECT min(question), count(*), count(*) FILTER (WHERE handoff_requested), max(created_at)
              FROM exchange
             WHERE kind = 'fallback' AND created_at >= ? AND created_at < ?
             GROUP BY lower(regexp_replace(btrim(question), '\\s+', ' ', 'g'))
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
                for (int i = 0; i < 4; i++) {
                    query.setTimestamp(2 * i + 1, period.start(zone));
                    query.setTimestamp(2 * i + 2, period.end(zone));
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
            try (PreparedStatement query = status.getConnection().prepareStatement("""
                    SELECT topic_id, count(*) FROM exchange
                     WHERE kind = 'answer' AND topic_id IS NOT NULL AND created_at >= ? AND created_at < ?
                     GROUP BY topic_id ORDER BY count(*) DESC, topic_id LIMIT ?""")) {
                query.setTimestamp(1, period.start(zone));
                query.setTimestamp(2, period.end(zone));
                query.setInt(3, Math.max(1, Math.min(limit, 100)));
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

    /** A topic and how many questions were answered from it. */
    public record AskedTopic(String topicId, long count) {
    }

    static Double share(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
