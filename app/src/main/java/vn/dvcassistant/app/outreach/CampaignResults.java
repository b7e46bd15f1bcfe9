package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What became of a campaign: targeted (the audience when sending started), sent, failed (by reason),
 * blocked by the platform's rules (by reason: Zalo's window, not a follower), skipped (unsubscribed or
 * consent withdrawn before their turn), pending, how many of those it reached unsubscribed after it, and
 * how many then asked about its linked topic.
 */
@Singleton
public class CampaignResults {

    @Serdeable
    public record Figures(int targeted, int sent, int failed, int blocked, int skipped, int pending,
                          Map<String, Integer> failedByReason, Map<String, Integer> blockedByReason,
                          int unsubscribedAfter, @Nullable Integer askedAboutTopic) {
    }

    private final TransactionOperations<Connection> transactions;

    CampaignResults(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public Figures of(Campaign campaign) {
        return transactions.executeRead(status -> {
            Connection c = status.getConnection();
            try {
                int sent = 0, failed = 0, blocked = 0, skipped = 0, pending = 0;
                Map<String, Integer> failedBy = new TreeMap<>();
                Map<String, Integer> blockedBy = new TreeMap<>();
                try (PreparedStatement select = c.prepareStatement("""
                        SELECT status, coalesce(reason, ''), count(*) FROM campaign_delivery WHERE campaign_id = ?
                        GROUP BY 1, 2""")) {
                    select.setObject(1, campaign.id());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            int n = rs.getInt(3);
                            switch (rs.getString(1)) {
                                case Deliveries.SENT -> sent += n;
                                case Deliveries.FAILED -> {
                                    failed += n;
                                    failedBy.merge(rs.getString(2), n, Integer::sum);
                                }
                                case Deliveries.BLOCKED -> {
                                    blocked += n;
                                    blockedBy.merge(rs.getString(2), n, Integer::sum);
                                }
                                case Deliveries.SKIPPED -> skipped += n;
                                default -> pending += n;
                            }
                        }
                    }
                }
                int unsubscribed = count(c, """
                        SELECT count(*) FROM campaign_delivery d JOIN subscription s ON s.session_key = d.session_key
                        WHERE d.campaign_id = ? AND d.status = 'sent' AND s.ended_at > d.done_at
                        AND s.ended_reason = 'citizen'""", campaign.id(), null);
                Integer asked = campaign.topicId() == null ? null : count(c, """
                        SELECT count(DISTINCT d.session_key) FROM campaign_delivery d
                        JOIN exchange e ON e.session_id = d.session_key AND e.created_at > d.done_at AND e.topic_id = ?
                        WHERE d.campaign_id = ? AND d.status = 'sent'""", campaign.id(), campaign.topicId());
                return new Figures(campaign.targeted(), sent, failed, blocked, skipped, pending, failedBy, blockedBy,
                        unsubscribed, asked);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot count a campaign's results", e);
            }
        });
    }

    private static int count(Connection c, String sql, UUID campaign, @Nullable String topicId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            int i = 1;
            if (topicId != null) {
                select.setString(i++, topicId);
            }
            select.setObject(i, campaign);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
