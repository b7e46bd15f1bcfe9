package vn.dvcassistant.app.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;

import java.util.function.Consumer;

/**
 * Where a verified delivery enters: dropped when it is a redelivery, otherwise queued for the channel's
 * workers. Never waits for the work, so the webhook answers at once.
 */
public final class ChannelInbox {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelInbox.class);

    /** What happened to a delivery, for the webhook's log and tests. */
    public enum Outcome { QUEUED, DUPLICATE, IGNORED, DROPPED }

    private final Channel channel;
    private final ChannelDeliveries deliveries;
    private final ChannelWorkers workers;
    private final ChannelStatus status;
    private final Consumer<InboundEvent> process;

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
        // Recorded before any work: a redelivery that arrives while the first is still queued is dropped too.
        if (!deliveries.firstDelivery(channel, event.deliveryId())) {
            return Outcome.DUPLICATE;
        }
        if (!workers.submit(() -> run(event))) {
            status.recordDrop(channel);
            deliveries.recordFailure(channel, event.deliveryId(), null, "dropped: the channel's queue is full", 0);
            LOG.warn("channel_queue_full channel={} delivery={}", channel, event.deliveryId());
            return Outcome.DROPPED;
        }
        return Outcome.QUEUED;
    }

    private void run(InboundEvent event) {
        try {
            process.accept(event);
        } catch (RuntimeException e) {
            LOG.error("channel_event_failed channel={} delivery={} type={}", channel, event.deliveryId(), event.type(), e);
            deliveries.recordFailure(channel, event.deliveryId(), null, "processing failed: " + e, 0);
        }
    }
}
