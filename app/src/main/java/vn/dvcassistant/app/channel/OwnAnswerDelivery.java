package vn.dvcassistant.app.channel;

import vn.dvcassistant.channel.Channel;

/**
 * A channel that delivers agencies' answers to comments by rules of its own (Zalo only reaches a citizen
 * within a window after their last message) instead of the outbox's plain send-and-retry loop. Its
 * package implements it, so the shared outbox depends on no particular channel.
 */
public interface OwnAnswerDelivery {

    Channel channel();

    /** Sends what it can of the channel's pending answers; @return how many were delivered */
    int sendPending(int maxAttempts, int batch);
}
