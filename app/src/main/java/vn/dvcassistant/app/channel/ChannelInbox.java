package vn.dvcassistant.app.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.database.DatabaseOutages;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where a verified delivery enters. It is queued for the channel's workers, and the worker first inserts
 * the (channel, delivery id) row: a redelivery finds the row and is dropped before any work. The webhook
 * itself touches neither the database nor the engine, so it answers in well under a millisecond of work
 * even while the workers keep both cores busy.
 *
 * <p>The platform has its 200 by the time a worker runs, so it will not deliver again: when PostgreSQL is
 * out of reach the citizen is told to try again later rather than left without an answer.
 */
public final class ChannelInbox {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelInbox.class);

    /** What happened to a delivery, for the webhook's log and tests. */
    public enum Outcome { QUEUED, IGNORED, DROPPED }

    private final Channel channel;
    private final ChannelDeliveries deliveries;
    private final ChannelWorkers workers;
    private final ChannelStatus status;
    private final Consumer<InboundEvent> process;
    private final ReplySender sender;
    private final String unavailableText;
    private final AtomicLong drops = new AtomicLong();

    /**
     * @param sender          sends {@code unavailableText} when the database is out of reach
     * @param unavailableText what the citizen is told then
     */
    public ChannelInbox(Channel channel, ChannelDeliveries deliveries, ChannelWorkers workers, ChannelStatus status,
                        Consumer<InboundEvent> process, ReplySender sender, String unavailableText) {
        this.channel = channel;
        this.deliveries = deliveries;
        this.workers = workers;
        this.status = status;
        this.process = process;
        this.sender = sender;
        this.unavailableText = unavailableText;
    }

    public Outcome accept(InboundEvent event) {
        if (event.type() == InboundType.IGNORED) {
            return Outcome.IGNORED;
        }
        // One chat's updates one at a time, in order (the same worker for the same chat).
        if (!workers.submit(event.chatId(), () -> run(event))) {
            status.recordDrop(channel);
            deliveries.recordFailureLater(channel, event.deliveryId(), "deferred: the channel's queue is full; the webhook answered 503 so the platform delivers it again");
            long dropped = drops.incrementAndGet();
            if (dropped == 1 || dropped % 100 == 0) {
                LOG.warn("channel_queue_full channel={} delivery={} dropped_so_far={}", channel, event.deliveryId(), dropped);
            }
            return Outcome.DROPPED;
        }
        return Outcome.QUEUED;
    }

    private void run(InboundEvent event) {
        try {
            // Before any work; a redelivery queued behind the first one finds the row too.
            if (!deliveries.firstDelivery(channel, event.deliveryId())) {
                return;
            }
            process.accept(event);
        } catch (RuntimeException e) {
            if (DatabaseOutages.isCause(e)) {
                tellUnavailable(event, e);
                return;
            }
            LOG.error("channel_event_failed channel={} delivery={} type={}", channel, event.deliveryId(), event.type(), e);
            deliveries.recordFailure(channel, event.deliveryId(), null, "processing failed: " + e, 0);
        }
    }

    /** Nothing was stored, so there is no delivery row to mark: the log is the only record. */
    private void tellUnavailable(InboundEvent event, RuntimeException cause) {
        boolean told;
        try {
            told = sender.send(event.chatId(), Reply.text(unavailableText)).delivered();
        } catch (RuntimeException e) {
            told = false; // Zalo's sender reads its access token from the database
        }
        LOG.warn("channel_event_failed channel={} delivery={} type={} reason=database_unavailable told_citizen={} error={}",
                channel, event.deliveryId(), event.type(), told, cause.toString());
    }
}
