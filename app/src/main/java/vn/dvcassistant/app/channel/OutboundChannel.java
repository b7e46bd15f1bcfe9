package vn.dvcassistant.app.channel;

import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.ReplySender;

import java.util.Optional;

/**
 * A chat channel the comment outbox can send agencies' answers through. Each channel's package implements
 * it, so the shared channel code depends on no particular channel.
 */
public interface OutboundChannel {

    Channel channel();

    /** Empty while the channel is not configured or not started. */
    Optional<? extends ReplySender> sender();
}
