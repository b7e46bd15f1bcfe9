package vn.dvcassistant.app.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Where a verified delivery enters. It is queued for the channel's workers, and the worker first inserts
 * the (channel, delivery id) row: a redelivery finds the row and is dropped before any work. The webhook
 * itself touches neither the database nor the engine, so it answers in well under a millisecond of work
 * even while the workers keep both cores busy.
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
    private final AtomicLong drops = new AtomicLong();

    public ChannelInbox(Channel channel, ChannelDeliveries deliveries, ChannelWorkers workers, ChannelStatus status,
                        Consumer<InboundEvent> process) {
        this.channel = channel;
        this.deliveries = deliveries;
        this.workers = workers;
        this.status = status;
        this.process = process;
    }

    public Outcome accept(InboundEvent event) {
        if (event.type() == InboundType.IGNORED) {
            return Outcome.IGNORED;
        }
        if (!workers.submit(() -> run(event))) {
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
            LOG.error("channel_event_failed channel={} delivery={} type={}", channel, event.deliveryId(), event.type(), e);
            deliveries.recordFailure(channel, event.deliveryId(), null, "processing failed: " + e, 0);
        }
    }
}
