package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.core.annotation.Nullable;

/**
 * A message from any channel, already validated.
 *
 * @param sessionId the channel's conversation id (web: chosen by the page; chat apps: the chat or user id)
 * @param topicId   a suggested topic the citizen picked, or null
 */
public record IncomingMessage(Channel channel, String sessionId, String text, @Nullable String topicId) {

    /** The chat an answer goes to: a group session is "chat:user" (see the channels' session ids). */
    public String chatId() {
        int colon = sessionId.indexOf(':');
        return colon < 0 ? sessionId : sessionId.substring(0, colon);
    }
}
