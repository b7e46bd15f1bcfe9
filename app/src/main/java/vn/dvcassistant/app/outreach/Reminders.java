package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reminder rows: asked (waiting for the date the deadline counts from), scheduled, then claimed by one
 * instance when due (FOR UPDATE SKIP LOCKED with a lease, as campaign messages) and recorded once sent.
 */
@Singleton
class Reminders {

    static final String AWAITING_DATE = "awaiting_date";
    static final String SCHEDULED = "scheduled";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String BLOCKED = "blocked";
    static final String CANCELLED = "cancelled";

    record Due(long id, String sessionKey, String channel, String topicId, LocalDate deadline, int attempts) {
    }

    private final TransactionOperations<Connection> transactions;

    Reminders(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A new reminder waiting for its date; an earlier one still waiting for a date is replaced. */
    void ask(String sessionKey, String channel, String topicId) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement cancel = c.prepareStatement("""
                    UPDATE reminder SET status = 'cancelled', done_at = now()
                    WHERE session_key = ? AND status = 'awaiting_date'""");
                 PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO reminder (session_key, channel, topic_id, status, created_at)
                    VALUES (?, ?, ?, 'awaiting_date', now())""")) {
                cancel.setString(1, sessionKey);
                cancel.executeUpdate();
                insert.setString(1, sessionKey);
                insert.setString(2, channel);
                insert.setString(3, topicId);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store a reminder", e);
            }
        });
    }

    /** The topic of the reminder waiting for this chat's date, if any. */
    Optional<String> awaitingDate(String sessionKey) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT topic_id FROM reminder WHERE session_key = ? AND status = 'awaiting_date'
                    ORDER BY id DESC LIMIT 1""")) {
                select.setString(1, sessionKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a reminder", e);
            }
        });
    }

    /** Schedules the waiting reminder; false when none was waiting. */
    boolean schedule(String sessionKey, LocalDate deadline, LocalDate remindOn) {
        return update("""
                UPDATE reminder SET status = 'scheduled', deadline = ?, remind_on = ?
                WHERE session_key = ? AND status = 'awaiting_date'""", sessionKey, deadline, remindOn) > 0;
    }

    /** Drops the reminder waiting for a date (its deadline has passed). */
    void dropAwaiting(String sessionKey) {
        update("UPDATE reminder SET status = 'cancelled', done_at = now() WHERE session_key = ? AND status = 'awaiting_date'",
                sessionKey, null, null);
    }

    /** Cancels every reminder of the chat not yet sent; @return how many */
    int cancelAll(String sessionKey) {
        return update("""
                UPDATE reminder SET status = 'cancelled', done_at = now(), remind_on = NULL
                WHERE session_key = ? AND status IN ('awaiting_date', 'scheduled')""", sessionKey, null, null);
    }

    /** Reminders due on or before {@code today}, this instance's until {@code lease} runs out. */
    List<Due> claimDue(LocalDate today, int limit, Duration lease) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement claim = status.getConnection().prepareStatement("""
                    WITH picked AS (
                        SELECT id FROM reminder WHERE status = 'scheduled' AND remind_on <= ?
                          AND (claimed_until IS NULL OR claimed_until < now())
                        ORDER BY remind_on, id LIMIT ? FOR UPDATE SKIP LOCKED)
                    UPDATE reminder r SET claimed_until = now() + make_interval(secs => ?), attempts = r.attempts + 1
                    FROM picked WHERE r.id = picked.id
                    RETURNING r.id, r.session_key, r.channel, r.topic_id, r.deadline, r.attempts""")) {
                claim.setDate(1, Date.valueOf(today));
                claim.setInt(2, limit);
                claim.setDouble(3, lease.toMillis() / 1000.0);
                List<Due> out = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getDate(5).toLocalDate(), rs.getInt(6)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot claim reminders", e);
            }
        });
    }

    void finish(long id, String status, @Nullable String reason) {
        transactions.executeWrite(tx -> {
            try (PreparedStatement update = tx.getConnection().prepareStatement("""
                    UPDATE reminder SET status = ?, reason = ?, done_at = now(), claimed_until = NULL
                    WHERE id = ? AND status = 'scheduled'""")) {
                update.setString(1, status);
                update.setString(2, reason);
                update.setLong(3, id);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record a reminder", e);
            }
        });
    }

    /** The chat id while consent stands (channel_contact keeps it only then), and whether they unfollowed. */
    @Nullable
    Deliveries.Recipient recipient(String sessionKey) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT chat_id, unfollowed_at IS NOT NULL FROM channel_contact WHERE session_key = ? AND chat_id IS NOT NULL")) {
                select.setString(1, sessionKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new Deliveries.Recipient(rs.getString(1), rs.getBoolean(2)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a reminder's chat", e);
            }
        });
    }

    private int update(String sql, String sessionKey, @Nullable LocalDate first, @Nullable LocalDate second) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(sql)) {
                int i = 1;
                if (first != null) {
                    update.setDate(i++, Date.valueOf(first));
                    update.setDate(i++, Date.valueOf(second));
                }
                update.setString(i, sessionKey);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot change a reminder", e);
            }
        });
    }
}
