package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Campaigns and their audit log in PostgreSQL. */
@Singleton
class CampaignStore {

    private static final String COLUMNS = """
            id, text, topic_id, audience_fields, audience_communes, audience_channels, send_at, status, created_by,
            created_at, approved_by, approved_at, started_at, finished_at, targeted""";

    private final TransactionOperations<Connection> transactions;

    CampaignStore(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    void insert(Campaign campaign) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, 0)")) {
                insert.setObject(1, campaign.id());
                insert.setString(2, campaign.text());
                insert.setString(3, campaign.topicId());
                insert.setArray(4, c.createArrayOf("text", campaign.fields().toArray()));
                insert.setArray(5, c.createArrayOf("text", campaign.communes().toArray()));
                insert.setArray(6, c.createArrayOf("text", campaign.channels().toArray()));
                insert.setTimestamp(7, timestamp(campaign.sendAt()));
                insert.setString(8, campaign.status());
                insert.setString(9, campaign.createdBy());
                insert.setTimestamp(10, Timestamp.from(campaign.createdAt()));
                insert.executeUpdate();
                audit(c, campaign.id(), "created", campaign.createdBy());
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store a campaign", e);
            }
        });
    }

    Optional<Campaign> find(UUID id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM campaign WHERE id = ?")) {
                select.setObject(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a campaign", e);
            }
        });
    }

    List<Campaign> latest(int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM campaign ORDER BY created_at DESC LIMIT ?")) {
                select.setInt(1, limit);
                List<Campaign> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read campaigns", e);
            }
        });
    }

    /**
     * Approves a campaign still awaiting approval, in one statement so two approvers cannot both succeed.
     *
     * @return false when it was not awaiting approval any more
     */
    boolean approve(UUID id, String approver, Instant now) {
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE campaign SET status = 'approved', approved_by = ?, approved_at = ?
                    WHERE id = ? AND status = 'awaiting_approval'""")) {
                update.setString(1, approver);
                update.setTimestamp(2, Timestamp.from(now));
                update.setObject(3, id);
                if (update.executeUpdate() == 0) {
                    return false;
                }
                audit(c, id, "approved", approver);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot approve a campaign", e);
            }
        });
    }

    /** Campaigns approved (to be sent, being sent or sent) whose sending day starts at {@code dayStart}. */
    int approvedForDay(Instant dayStart, Instant dayEnd) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    SELECT count(*) FROM campaign WHERE status IN ('approved', 'sending', 'sent')
                    AND coalesce(send_at, approved_at) >= ? AND coalesce(send_at, approved_at) < ?""")) {
                select.setTimestamp(1, Timestamp.from(dayStart));
                select.setTimestamp(2, Timestamp.from(dayEnd));
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot count campaigns", e);
            }
        });
    }

    /** The audit log of a campaign, oldest first: "action actor". */
    List<CampaignAuditLine> audit(UUID id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT action, actor, at FROM campaign_audit WHERE campaign_id = ? ORDER BY id")) {
                select.setObject(1, id);
                List<CampaignAuditLine> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CampaignAuditLine(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a campaign's audit log", e);
            }
        });
    }

    static void audit(Connection c, UUID id, String action, String actor) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO campaign_audit (campaign_id, action, actor, at) VALUES (?, ?, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, action);
            insert.setString(3, actor);
            insert.executeUpdate();
        }
    }

    static Campaign read(ResultSet rs) throws SQLException {
        return new Campaign(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Subscriptions.strings(rs.getArray(4)), Subscriptions.strings(rs.getArray(5)),
                Subscriptions.strings(rs.getArray(6)), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11), instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getInt(15));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
