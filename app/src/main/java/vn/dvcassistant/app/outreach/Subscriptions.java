package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who asked for announcements, by hashed session key; the chat id stays in channel_contact (consent). */
@Singleton
public class Subscriptions {

    /** Why a subscription ended. */
    public static final String ENDED_BY_CITIZEN = "citizen";

    private final TransactionOperations<Connection> transactions;

    Subscriptions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Starts (or restarts) a subscription with exactly these fields and commune. */
    void subscribe(String sessionKey, String channel, List<String> fields, @Nullable String commune) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO subscription (session_key, channel, fields, commune, started_at)
                    VALUES (?, ?, ?, ?, now())
                    ON CONFLICT (session_key) DO UPDATE SET channel = excluded.channel, fields = excluded.fields,
                        commune = excluded.commune,
                        started_at = CASE WHEN subscription.ended_at IS NULL THEN subscription.started_at ELSE now() END,
                        ended_at = NULL, ended_reason = NULL""")) {
                upsert.setString(1, sessionKey);
                upsert.setString(2, channel);
                upsert.setArray(3, c.createArrayOf("text", fields.toArray()));
                upsert.setString(4, commune);
                return upsert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store a subscription", e);
            }
        });
    }

    /** @return true when there was an active subscription to end */
    boolean end(String sessionKey, String reason) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE subscription SET ended_at = now(), ended_reason = ? WHERE session_key = ? AND ended_at IS NULL")) {
                update.setString(1, reason);
                update.setString(2, sessionKey);
                return update.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot end a subscription", e);
            }
        });
    }

    Optional<Subscription> active(String sessionKey) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT channel, fields, commune FROM subscription WHERE session_key = ? AND ended_at IS NULL")) {
                select.setString(1, sessionKey);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Subscription(rs.getString(1), strings(rs.getArray(2)), rs.getString(3)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a subscription", e);
            }
        });
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
