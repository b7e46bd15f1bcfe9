package vn.dvcassistant.channel;

import java.util.Objects;

/**
 * One webhook delivery or polled update, converted to the channel-neutral form.
 *
 * @param channel        where it came from
 * @param deliveryId     the channel's own id for this delivery (Telegram update_id, Zalo msg_id or a
 *                       synthetic event key); channels redeliver on timeouts, so store it with a unique
 *                       constraint and drop a repeat
 * @param chatId         where to send the answer (Telegram chat id, Zalo user id); null for IGNORED events
 *                       that have none
 * @param userId         the person who acted; may equal chatId in private chats
 * @param type           what happened
 * @param text           the typed text (TEXT, START), the caption of an unsupported message if any, else null
 * @param buttonData     the button's data (BUTTON only)
 * @param callbackId     Telegram's callback query id to acknowledge (BUTTON on Telegram only)
 * @param fromGroup      the message was posted in a group chat
 * @param addressedToBot in a group: the bot was @mentioned or replied to; always true in private chats
 */
public record InboundEvent(
        Channel channel,
        String deliveryId,
        String chatId,
        String userId,
        InboundType type,
        String text,
        String buttonData,
        String callbackId,
        boolean fromGroup,
        boolean addressedToBot) {

    public InboundEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(type, "type");
        if (type == InboundType.BUTTON && buttonData == null) {
            throw new IllegalArgumentException("a BUTTON event needs its button data");
        }
    }

    public static InboundEvent text(Channel channel, String deliveryId, String chatId, String userId, String text) {
        return new InboundEvent(channel, deliveryId, chatId, userId, InboundType.TEXT, text, null, null, false, true);
    }

    public static InboundEvent of(Channel channel, String deliveryId, String chatId, String userId, InboundType type) {
        return new InboundEvent(channel, deliveryId, chatId, userId, type, null, null, null, false, true);
    }

    public static InboundEvent ignored(Channel channel, String deliveryId) {
        return new InboundEvent(channel, deliveryId, null, null, InboundType.IGNORED, null, null, null, false, false);
    }

    /** True when the engine should produce an answer; false for IGNORED and UNFOLLOW. */
    public boolean expectsReply() {
        return type != InboundType.IGNORED && type != InboundType.UNFOLLOW;
    }
}
