package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.privacy.Sha256;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.UUID;

/** Which channel deliveries were already taken in, and which replies never reached the citizen. */
@Singleton
public class ChannelDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDeliveries.class);

    /** Telegram and Zalo give up redelivering within hours; a week is a wide margin. */
    static final Duration KEEP = Duration.ofDays(7);

    private final TransactionOperations<Connection> transactions;
    /** Writes drop records off the webhook thread; one thread, so an overload adds little database load. */
    private final ChannelWorkers recorder = new ChannelWorkers("channel-failure-recorder", 1, 1);
    private final Queue<PendingFailure> pendingFailures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    ChannelDeliveries(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Records a reply that will never be sent, without waiting for the database (used on the webhook's
     * thread). Drops come in bursts when a channel is overloaded, so they are written in batches by one
     * thread, adding little work to a machine that is already too busy.
     */
    public void recordFailureLater(Channel channel, String deliveryId, String reason) {
        pendingFailures.add(new PendingFailure(channel, deliveryId, reason));
        if (flushScheduled.compareAndSet(false, true) && !recorder.submit(this::flushPendingFailures)) {
            flushScheduled.set(false);
        }
    }

    private void flushPendingFailures() {
        flushScheduled.set(false);
        List<PendingFailure> batch = new ArrayList<>();
        for (PendingFailure f = pendingFailures.poll(); f != null; f = pendingFailures.poll()) {
            batch.add(f);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement insert = status.getConnection().prepareStatement(
                        "INSERT INTO channel_send_failure (channel, delivery_id, reason, attempts) VALUES (?, ?, ?, 0)")) {
                    for (PendingFailure f : batch) {
                        insert.setString(1, f.channel().code());
                        insert.setString(2, storedId(f.deliveryId()));
                        insert.setString(3, f.reason());
                        insert.addBatch();
                    }
                    return insert.executeBatch().length;
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot record dropped replies", e);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("send_failures_not_recorded count={}", batch.size(), e);
        }
    }

    private record PendingFailure(Channel channel, String deliveryId, String reason) {
    }

    @PreDestroy
    void stop() {
        recorder.close();
        flushPendingFailures();
    }

    /** True for the first delivery of this id on this channel; false for a redelivery, which must be dropped. */
    public boolean firstDelivery(Channel channel, String deliveryId) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement(
                    "INSERT INTO channel_delivery (channel, delivery_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, channel.code());
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
                    insert.setString(1, channel.code());
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
            LOG.error("send_failure_not_recorded channel={} delivery={} reason={}", channel.code(), deliveryId, reason, e);
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

    /**
     * Channel-assigned ids (update_id, msg_id) are kept as they are; synthetic ones such as
     * "follow:&lt;user id&gt;:&lt;time&gt;" embed a user id and are stored hashed.
     */
    static String storedId(String deliveryId) {
        if (deliveryId.indexOf(':') < 0 && deliveryId.length() <= 64) {
            return deliveryId;
        }
        return Sha256.hex(deliveryId);
    }
}
