package vn.dvcassistant.app.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.privacy.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

/**
 * Token buckets in PostgreSQL, so that every instance behind a load balancer draws on the same allowance:
 * {@code capacity} requests, refilled at {@code capacity} per minute. One statement per check (an upsert that
 * refills, takes a token if there is one and says whether it did), timed by the database's clock so instances
 * whose clocks differ still agree. A refused request takes nothing, so hammering does not push the refill
 * further away.
 */
@Singleton
public class SharedBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(SharedBuckets.class);

    /** Tokens after the refill since the last use, at most the capacity (parameters: capacity, rate per second). */
    private static final String REFILLED =
            "LEAST(CAST(? AS DOUBLE PRECISION), b.tokens + EXTRACT(EPOCH FROM now() - b.updated_at) * ?)";
    private static final String TAKE = """
            INSERT INTO rate_limit_bucket AS b (key, tokens, consumed, updated_at) VALUES (?, ?, TRUE, now())
            ON CONFLICT (key) DO UPDATE SET
                tokens = CASE WHEN %1$s >= 1 THEN %1$s - 1 ELSE %1$s END,
                consumed = %1$s >= 1,
                updated_at = now()
            RETURNING consumed, tokens""".formatted(REFILLED);
    private static final String PEEK = "SELECT " + REFILLED + " FROM rate_limit_bucket b WHERE key = ?";

    private final TransactionOperations<Connection> transactions;

    SharedBuckets(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Takes one token from the bucket of {@code client} under {@code limit}.
     *
     * @return empty when taken, else the seconds until a token is back (for Retry-After)
     */
    public OptionalLong take(String limit, String client, int perMinute) {
        double perSecond = perMinute / 60.0;
        return transactions.executeWrite(status -> {
            try (PreparedStatement take = status.getConnection().prepareStatement(TAKE)) {
                int i = 0;
                take.setString(++i, key(limit, client));
                take.setDouble(++i, perMinute - 1);
                for (int k = 0; k < 4; k++) { // REFILLED appears four times in TAKE
                    take.setInt(++i, perMinute);
                    take.setDouble(++i, perSecond);
                }
                try (ResultSet rs = take.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return OptionalLong.empty();
                    }
                    return OptionalLong.of(secondsUntilOne(rs.getDouble(2), perSecond));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot check a shared rate limit", e);
            }
        });
    }

    /** Whether the bucket is empty now, without taking anything. */
    public boolean isEmpty(String limit, String client, int perMinute) {
        return transactions.executeRead(status -> {
            try (PreparedStatement peek = status.getConnection().prepareStatement(PEEK)) {
                peek.setInt(1, perMinute);
                peek.setDouble(2, perMinute / 60.0);
                peek.setString(3, key(limit, client));
                try (ResultSet rs = peek.executeQuery()) {
                    return rs.next() && rs.getDouble(1) < 1;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a shared rate limit", e);
            }
        });
    }

    /** A bucket idle for more than a minute has refilled: its row says nothing a new one would not. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    void forgetIdleClients() {
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement delete = status.getConnection().prepareStatement(
                        "DELETE FROM rate_limit_bucket WHERE updated_at < now() - interval '2 minutes'")) {
                    return delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("rate_limit_cleanup_failed: {}", e.getMessage());
        }
    }

    private static long secondsUntilOne(double tokens, double perSecond) {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    private static String key(String limit, String client) {
        return Sha256.hex(limit + "\u0000" + client);
    }
}
