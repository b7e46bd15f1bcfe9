package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.channel.Channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Which channel deliveries were already taken in, and which replies never reached the citizen. */
@Singleton
public class ChannelDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDeliveries.class);

    /** Telegram and Zalo give up redelivering within hours; a week is a wide margin. */
    static final Duration KEEP = Duration.ofDays(7);

    private final TransactionOperations<Connection> transactions;

    ChannelDeliveries(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** True for the first delivery of this id on this channel; false for a redelivery, which must be dropped. */
    public boolean firstDelivery(Channel channel, String deliveryId) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO channel_delivery (channel, delivery_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, code(channel));
                insert.setString(2, storedId(deliveryId));
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record a channel delivery", e);
            }
        });
    }

    /** A reply that was not delivered after the retries, or never sent because the queue was full. */
    public void recordFailure(Channel channel, String deliveryId, @Nullable UUID exchangeId, String reason,
                              int attempts) {
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection().prepareStatement(
                        "INSERT INTO channel_send_failure (channel, delivery_id, exchange_id, reason, attempts) "
                                + "VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, code(channel));
                    insert.setString(2, storedId(deliveryId));
                    insert.setObject(3, exchangeId);
                    insert.setString(4, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
                    insert.setInt(5, attempts);
                    return insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot record a failed send", e);
                }
            });
        } catch (RuntimeException e) {
            // The log line is then the only trace; it must not hide the original failure.
            LOG.error("send_failure_not_recorded channel={} delivery={} reason={}", code(channel), deliveryId, reason, e);
        }
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void purgeOld() {
        Timestamp before = Timestamp.from(Instant.now().minus(KEEP));
        int deleted = transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM channel_delivery WHERE received_at < ?")) {
                delete.setTimestamp(1, before);
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot purge old channel deliveries", e);
            }
        });
        if (deleted > 0) {
            LOG.info("channel_deliveries_purged count={}", deleted);
        }
    }

    static String code(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Channel-assigned ids (update_id, msg_id) are kept as they are; synthetic ones such as
     * "follow:&lt;user id&gt;:&lt;time&gt;" embed a user id and are stored hashed.
     */
    static String storedId(String deliveryId) {
        if (deliveryId.indexOf(':') < 0 && deliveryId.length() <= 64) {
            return deliveryId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(deliveryId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
