package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import vn.dvcassistant.channel.WebhookVerification;

/**
 * Checks X-ZEvent-Signature: "mac=" + sha256_hex(app_id + raw body + timestamp + OA secret key), with
 * app_id and timestamp read from the body. The hash is taken over the exact bytes Zalo sent: a body
 * parsed and written out again (other spacing, {@code \u00e1} escapes decoded) would hash differently.
 * Integrations differ on whether the header carries the "mac=" prefix, so both forms are accepted.
 */
public final class ZaloSignatureVerifier {

    public static final String HEADER = "X-ZEvent-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "mac=";

    private final String oaSecretKey;

    public ZaloSignatureVerifier(String oaSecretKey) {
        if (oaSecretKey == null || oaSecretKey.isEmpty()) {
            throw new IllegalArgumentException("the OA secret key is required to accept Zalo webhooks");
        }
        this.oaSecretKey = oaSecretKey;
    }

    /** For a body already decoded as UTF-8; prefer {@link #verify(byte[], String)} with the bytes received. */
    public WebhookVerification verify(String rawBody, String signatureHeader) {
        return verify(rawBody == null ? null : rawBody.getBytes(StandardCharsets.UTF_8), signatureHeader);
    }

    public WebhookVerification verify(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return WebhookVerification.MISSING;
        }
        String expected = expectedHex(rawBody);
        if (expected == null) {
            return WebhookVerification.INVALID;
        }
        String given = signatureHeader.strip().toLowerCase(Locale.ROOT);
        if (given.startsWith(PREFIX)) {
            given = given.substring(PREFIX.length());
        }
        // Constant time, so a forger learns nothing from how fast a wrong mac is refused.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.UTF_8))
                ? WebhookVerification.VALID
                : WebhookVerification.INVALID;
    }

    /** "mac=<hex>" for this body, or null when the body has no app_id or timestamp to sign. */
    String expectedSignature(String rawBody) {
        String hex = expectedHex(rawBody.getBytes(StandardCharsets.UTF_8));
        return hex == null ? null : PREFIX + hex;
    }

    private String expectedHex(byte[] rawBody) {
        if (rawBody == null) {
            return null;
        }
        JsonNode body;
        try {
            body = JSON.readTree(rawBody);
        } catch (IOException e) {
            return null;
        }
        if (body == null || !body.hasNonNull("app_id") || !body.hasNonNull("timestamp")) {
            return null;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(body.get("app_id").asText().getBytes(StandardCharsets.UTF_8));
            sha256.update(rawBody);
            sha256.update(body.get("timestamp").asText().getBytes(StandardCharsets.UTF_8));
            sha256.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
