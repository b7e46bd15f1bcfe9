package vn.dvcassistant.app.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one-way hash we store instead of an identifier (session ids, reader cookies, delivery ids, tokens). */
public final class Sha256 {

    private Sha256() {
    }

    /** SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
    public static String hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
