package vn.dvcassistant.app.stats;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.province.ProvinceClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Folds the exchanges of finished local days into {@code exchange_daily}. A day is folded only once it has
 * been over for {@link #MARGIN_MINUTES} minutes, so a question stored just before midnight whose transaction
 * commits just after is still in it. The state row is locked: several instances may run the job at once.
 */
@Singleton
public final class ExchangeRollup {

    static final int MARGIN_MINUTES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRollup.class);

    private final TransactionOperations<Connection> transactions;
    private final ProvinceClock clock;

    ExchangeRollup(TransactionOperations<Connection> transactions, ProvinceClock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${dvc.stats.exchange-rollup-interval:10m}",
            initialDelay = "${dvc.stats.exchange-rollup-interval:10m}")
    void scheduled() {
        try {
            fold();
        } catch (RuntimeException e) {
            // Nothing is lost: the statistics read the unfolded days from exchange until a run succeeds.
            LOG.warn("exchange_rollup=failed", e);
        }
    }

    /** Folds every finished day not folded yet; returns the last day folded, null when there is none. */
    public LocalDate fold() {
        ZonedDateTime now = ZonedDateTime.now(clock.zone()).minusMinutes(MARGIN_MINUTES);
        LocalDate through = now.toLocalDate().minusDays(1);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                LocalDate folded;
                try (PreparedStatement lock = connection.prepareStatement(
                        "SELECT folded_through FROM exchange_rollup_state WHERE id = 1 FOR UPDATE");
                     ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    folded = rs.getObject(1, LocalDate.class);
                }
                if (folded != null && !folded.isBefore(through)) {
                    return folded;
                }
                try (PreparedStatement fold = connection.prepareStatement("""
                        INSERT INTO exchange_daily AS d (day, kind, topic_id, total)
                        SELECT (created_at AT TIME ZONE ?)::date, kind, coalesce(topic_id, ''), count(*)
                          FROM exchange
                         WHERE (CAST(? AS date) IS NULL OR created_at >= (CAST(? AS date) + 1)::timestamp AT TIME ZONE ?)
                           AND created_at < (CAST(? AS date) + 1)::timestamp AT TIME ZONE ?
                         GROUP BY 1, 2, 3
                        ON CONFLICT (day, kind, topic_id) DO UPDATE SET total = d.total + excluded.total""")) {
                    String zone = clock.zone().getId();
                    fold.setString(1, zone);
                    fold.setObject(2, folded);
                    fold.setObject(3, folded);
                    fold.setString(4, zone);
                    fold.setObject(5, through);
                    fold.setString(6, zone);
                    fold.executeUpdate();
                }
                try (PreparedStatement advance = connection.prepareStatement(
                        "UPDATE exchange_rollup_state SET folded_through = ?, folded_at = now() WHERE id = 1")) {
                    advance.setObject(1, through);
                    advance.executeUpdate();
                }
                return through;
            } catch (SQLException e) {
                throw new IllegalStateException("Exchange roll-up failed", e);
            }
        });
    }
}
