package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.database.SigningKeys;
import vn.dvcassistant.app.province.ProvinceClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The signed token in a printed survey's QR code and link: it names the procedure, the agency (or none) and
 * the last day it is accepted, and is signed with a key only the service knows, so a survey rating can be
 * traced to a poster staff printed. {@code <payload>.<signature>}, both base64url; the payload is
 * {@code topic|agency|yyyy-mm-dd}.
 */
@Singleton
public final class SurveyTokens {

    /** What a valid token allows. */
    public record Grant(String topicId, String agency, LocalDate expiresOn) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    /** Where the signing key is kept (migration V90). */
    private static final String KEY_TABLE = "survey_signing_key";

    private final SigningKeys keys;
    private final ProvinceClock clock;

    SurveyTokens(SigningKeys keys, ProvinceClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A token for the procedure and agency ('' for none), accepted up to and including {@code expiresOn}. */
    public String issue(String topicId, @Nullable String agency, LocalDate expiresOn) {
        String payload = topicId + "|" + (agency == null ? "" : agency) + "|" + expiresOn;
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(sign(bytes));
    }

    /** The grant of a well-signed, unexpired token; empty for anything else. */
    public Optional<Grant> verify(@Nullable String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = UNB64.decode(token.substring(0, dot));
            byte[] signature = UNB64.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                return Optional.empty();
            }
            LocalDate expires = LocalDate.parse(parts[2]);
            if (expires.isBefore(clock.today())) {
                return Optional.empty();
            }
            return Optional.of(new Grant(parts[0], parts[1], expires));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY_TABLE), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
