package vn.dvcassistant.app.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Channel adapters may use a chat's user id as the session id; storing only its hash keeps that
 * identifier out of the database while still finding the same session on the next message.
 */
final class SessionKeys {

    private SessionKeys() {
    }

    static String of(Channel channel, String sessionId) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((channel.code() + ":" + sessionId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
