package vn.dvcassistant.app.satisfaction;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Folds new satisfaction ratings into {@code satisfaction_daily}, so the yearly statistics read a few
 * thousand counters instead of millions of rows, while inserts never wait on a shared counter.
 *
 * <p>Which rows are new is decided by transaction id, not by row id: row ids are handed out before
 * commit, so a transaction holding id 100 may commit after one holding id 101, and an id watermark
 * would skip it. Every transaction with an id below the oldest one still running
 * ({@code pg_snapshot_xmin}) has finished, so rows below that horizon can be folded once and for all.
 * The state row is locked, so several service instances may run the job at the same time.
 */
@Singleton
public final class SatisfactionRollup {

    private static final Logger LOG = LoggerFactory.getLogger(SatisfactionRollup.class);

    private static final String FOLD = """
            INSERT INTO satisfaction_daily AS d (rated_on, field, agency, channel, satisfied, total)
            SELECT rated_on, field, agency, channel, count(*) FILTER (WHERE satisfied), count(*)
              FROM satisfaction_rating
             WHERE txid >= ?::xid8 AND txid < ?::xid8
             GROUP BY rated_on, field, agency, channel
            ON CONFLICT (rated_on, field, agency, channel)
            DO UPDATE SET satisfied = d.satisfied + excluded.satisfied, total = d.total + excluded.total
            """;

    private final TransactionOperations<Connection> transactions;

    public SatisfactionRollup(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Scheduled(fixedDelay = "${dvc.feedback.rollup-interval:10s}", initialDelay = "${dvc.feedback.rollup-interval:10s}")
    void scheduled() {
        try {
            rollUp();
        } catch (RuntimeException e) {
            // The next run folds the same rows: nothing is lost, the statistics only read a longer tail.
            LOG.warn("satisfaction_rollup=failed", e);
        }
    }

    /** Folds every finished rating not yet folded; returns how many daily counters changed. */
    public long rollUp() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                // Taken before this transaction locks anything, so its own id is above the horizon.
                String horizon = single(connection, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
                String from = single(connection,
                        "SELECT rolled_below::text FROM satisfaction_rollup_state WHERE id = 1 FOR UPDATE");
                if (!isAfter(horizon, from)) {
                    return 0L;
                }
                long counters;
                try (PreparedStatement fold = connection.prepareStatement(FOLD)) {
                    fold.setString(1, from);
                    fold.setString(2, horizon);
                    counters = fold.executeUpdate();
                }
                try (PreparedStatement advance = connection.prepareStatement(
                        "UPDATE satisfaction_rollup_state SET rolled_below = ?::xid8, rolled_at = now() WHERE id = 1")) {
                    advance.setString(1, horizon);
                    advance.executeUpdate();
                }
                return counters;
            } catch (SQLException e) {
                throw new IllegalStateException("Satisfaction roll-up failed", e);
            }
        });
    }

    /**
     * Recounts {@code satisfaction_daily} from scratch: needed only after ratings were deleted
     * (personal data deletion), since the job itself only adds.
     */
    public void rebuild() {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                String horizon = single(connection, "SELECT pg_snapshot_xmin(pg_current_snapshot())::text");
                single(connection, "SELECT rolled_below::text FROM satisfaction_rollup_state WHERE id = 1 FOR UPDATE");
                statement.executeUpdate("DELETE FROM satisfaction_daily");
                try (PreparedStatement fold = connection.prepareStatement(FOLD)) {
                    fold.setString(1, "0");
                    fold.setString(2, horizon);
                    fold.executeUpdate();
                }
                try (PreparedStatement advance = connection.prepareStatement(
                        "UPDATE satisfaction_rollup_state SET rolled_below = ?::xid8, rolled_at = now() WHERE id = 1")) {
                    advance.setString(1, horizon);
                    advance.executeUpdate();
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Satisfaction roll-up rebuild failed", e);
            }
        });
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean isAfter(String xidA, String xidB) {
        return Long.parseUnsignedLong(xidA) > Long.parseUnsignedLong(xidB);
    }
}
