package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.privacy.Sha256;

/**
 * Channel adapters may use a chat's user id as the session id; storing only its hash keeps that
 * identifier out of the database while still finding the same session on the next message.
 */
public final class SessionKeys {

    private SessionKeys() {
    }

    public static String of(Channel channel, String sessionId) {
        return Sha256.hex(channel.code() + ":" + sessionId);
    }
}
