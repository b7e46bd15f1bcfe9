package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;

import java.util.List;
import java.util.UUID;

/** Sends a reply's messages in order, stops at the first that fails, and records how it went. */
@Singleton
public class ReplyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDelivery.class);

    private final ChannelDeliveries deliveries;
    private final ChannelStatus status;

    ReplyDelivery(ChannelDeliveries deliveries, ChannelStatus status) {
        this.deliveries = deliveries;
        this.status = status;
    }

    /** @return true when every message was delivered */
    public boolean deliver(Channel channel, String deliveryId, String chatId, List<Reply> messages,
                           ReplySender sender, @Nullable UUID exchangeId) {
        for (Reply message : messages) {
            SendResult result = sender.send(chatId, message);
            status.recordSend(channel, result);
            if (!result.delivered()) {
                LOG.warn("channel_send_failed channel={} delivery={} attempts={} reason={}", channel, deliveryId,
                        result.attempts(), result.failureReason());
                deliveries.recordFailure(channel, deliveryId, exchangeId, result.failureReason(), result.attempts());
                return false;
            }
        }
        return true;
    }
}
