package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The campaign_delivery rows: fixing a campaign's audience when it starts, claiming pending rows for one
 * instance (FOR UPDATE SKIP LOCKED, until a lease runs out, as the comment outbox does), recording each
 * outcome, and closing a campaign once nothing is pending.
 */
@Singleton
class Deliveries {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";
    static final String BLOCKED = "blocked";
    static final String SKIPPED = "skipped";

    /** A claimed row; {@code chatId} is read just before sending (null: unsubscribed, or consent withdrawn). */
    record Claimed(long id, UUID campaignId, String sessionKey, String channel, int attempts) {
    }

    /** Where to send, read at the last moment; empty when the citizen may not be sent to any more. */
    record Recipient(String chatId, boolean unfollowed) {
    }

    private final TransactionOperations<Connection> transactions;

    Deliveries(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Moves every approved campaign that is due to "sending" and fixes its audience, in one transaction per
     * campaign: the subscribers matching it who still have a chat id (consent stands). Two instances
     * starting at once: the row lock lets one through; the other skips it.
     *
     * @return the campaigns started
     */
    List<UUID> startDue() {
        List<UUID> started = new ArrayList<>();
        while (true) {
            UUID one = transactions.executeWrite(status -> {
                Connection c = status.getConnection();
                try {
                    UUID id;
                    try (PreparedStatement pick = c.prepareStatement("""
                            SELECT id FROM campaign WHERE status = 'approved' AND coalesce(send_at, approved_at) <= now()
                            ORDER BY coalesce(send_at, approved_at) LIMIT 1 FOR UPDATE SKIP LOCKED""");
                         ResultSet rs = pick.executeQuery()) {
                        if (!rs.next()) {
                            return null;
                        }
                        id = rs.getObject(1, UUID.class);
                    }
                    int targeted;
                    try (PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO campaign_delivery (campaign_id, session_key, channel)
                            SELECT c.id, s.session_key, s.channel FROM campaign c, subscription s
                            JOIN channel_contact cc ON cc.session_key = s.session_key AND cc.chat_id IS NOT NULL
                            WHERE c.id = ? AND s.ended_at IS NULL
                              AND (cardinality(c.audience_channels) = 0 OR s.channel = ANY (c.audience_channels))
                              AND (cardinality(c.audience_fields) = 0 OR cardinality(s.fields) = 0
                                   OR s.fields && c.audience_fields)
                              AND (cardinality(c.audience_communes) = 0 OR s.commune = ANY (c.audience_communes))
                            ORDER BY s.session_key
                            ON CONFLICT DO NOTHING""")) {
                        insert.setObject(1, id);
                        targeted = insert.executeUpdate();
                    }
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE campaign SET status = 'sending', started_at = now(), targeted = ? WHERE id = ?")) {
                        update.setInt(1, targeted);
                        update.setObject(2, id);
                        update.executeUpdate();
                    }
                    CampaignStore.audit(c, id, "started", "system");
                    return id;
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot start a campaign", e);
                }
            });
            if (one == null) {
                return started;
            }
            started.add(one);
        }
    }

    /** Up to {@code limit} pending rows of sending campaigns, this instance's until {@code lease} runs out. */
    List<Claimed> claim(int limit, Duration lease) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement claim = status.getConnection().prepareStatement("""
                    WITH picked AS (
                        SELECT d.id FROM campaign_delivery d JOIN campaign c ON c.id = d.campaign_id
                        WHERE d.status = 'pending' AND c.status = 'sending'
                          AND (d.claimed_until IS NULL OR d.claimed_until < now())
                        ORDER BY d.id LIMIT ? FOR UPDATE OF d SKIP LOCKED)
                    UPDATE campaign_delivery d SET claimed_until = now() + make_interval(secs => ?),
                        attempts = d.attempts + 1
                    FROM picked WHERE d.id = picked.id
                    RETURNING d.id, d.campaign_id, d.session_key, d.channel, d.attempts""")) {
                claim.setInt(1, limit);
                claim.setDouble(2, lease.toMillis() / 1000.0);
                List<Claimed> out = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Claimed(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                                rs.getString(4), rs.getInt(5)));
                    }
                }
                out.sort(java.util.Comparator.comparingLong(Claimed::id));
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot claim campaign messages", e);
            }
        });
    }

    /** The chat id of a subscriber still subscribed with consent standing, else null. */
    @Nullable
    Recipient recipient(String sessionKey) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT cc.chat_id, cc.unfollowed_at IS NOT NULL FROM subscription s
                    JOIN channel_contact cc ON cc.session_key = s.session_key
                    WHERE s.session_key = ? AND s.ended_at IS NULL AND cc.chat_id IS NOT NULL""")) {
                select.setString(1, sessionKey);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? new Recipient(rs.getString(1), rs.getBoolean(2)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a subscriber", e);
            }
        });
    }

    void finish(long id, String status, @Nullable String reason) {
        transactions.executeWrite(tx -> {
            try (PreparedStatement update = tx.getConnection().prepareStatement("""
                    UPDATE campaign_delivery SET status = ?, reason = ?, done_at = now(), claimed_until = NULL
                    WHERE id = ? AND status = 'pending'""")) {
                update.setString(1, status);
                update.setString(2, reason);
                update.setLong(3, id);
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record a campaign message", e);
            }
        });
    }

    /** Gives claimed rows this instance will not send back at once (it is stopping). */
    void release(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        transactions.executeWrite(tx -> {
            Connection c = tx.getConnection();
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE campaign_delivery SET claimed_until = NULL WHERE id = ANY (?) AND status = 'pending'")) {
                update.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot release campaign messages", e);
            }
        });
    }

    /** Marks sending campaigns with nothing pending as sent. */
    void closeFinished() {
        transactions.executeWrite(tx -> {
            Connection c = tx.getConnection();
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE campaign c SET status = 'sent', finished_at = now() WHERE status = 'sending'
                    AND NOT EXISTS (SELECT 1 FROM campaign_delivery d WHERE d.campaign_id = c.id AND d.status = 'pending')
                    RETURNING id""");
                 ResultSet rs = update.executeQuery()) {
                while (rs.next()) {
                    CampaignStore.audit(c, rs.getObject(1, UUID.class), "finished", "system");
                }
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close campaigns", e);
            }
        });
    }
}
