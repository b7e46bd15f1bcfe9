package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import vn.dvcassistant.channel.WebhookVerification;

/**
 * Checks X-ZEvent-Signature: "mac=" + sha256_hex(app_id + raw body + timestamp + OA secret key), with
 * app_id and timestamp read from the body. The raw body must be the exact bytes Zalo sent.
 */
public final class ZaloSignatureVerifier {

    public static final String HEADER = "X-ZEvent-Signature";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String oaSecretKey;

    public ZaloSignatureVerifier(String oaSecretKey) {
        if (oaSecretKey == null || oaSecretKey.isEmpty()) {
            throw new IllegalArgumentException("the OA secret key is required to accept Zalo webhooks");
        }
        this.oaSecretKey = oaSecretKey;
    }

    public WebhookVerification verify(String rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return WebhookVerification.MISSING;
        }
        String expected = expectedSignature(rawBody);
        if (expected == null) {
            return WebhookVerification.INVALID;
        }
        byte[] given = signatureHeader.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        // Constant time, so a forger learns nothing from how fast a wrong mac is refused.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given)
                ? WebhookVerification.VALID
                : WebhookVerification.INVALID;
    }

    /** "mac=<hex>" for this body, or null when the body has no app_id or timestamp to sign. */
    String expectedSignature(String rawBody) {
        JsonNode body;
        try {
            body = rawBody == null ? null : JSON.readTree(rawBody);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (body == null || !body.hasNonNull("app_id") || !body.hasNonNull("timestamp")) {
            return null;
        }
        String signed = body.get("app_id").asText() + rawBody + body.get("timestamp").asText() + oaSecretKey;
        return "mac=" + sha256Hex(signed);
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
