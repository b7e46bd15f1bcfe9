package vn.dvcassistant.channel;

/**
 * Sends an answer on one channel. Blocking and retrying: call it from a background executor. Channel errors
 * are reported in the result, never thrown.
 */
public interface ReplySender {

    /** @param chatId {@link InboundEvent#chatId()} of the event being answered */
    SendResult send(String chatId, Reply reply);
}
