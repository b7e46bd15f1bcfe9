package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.database.SigningKeys;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The anonymous cookie that tells one reader's reactions from another's on the transparency page: a random reader
 * id and its signature, nothing else, sent back only to this site. The transparency page issues it when it is shown;
 * a reaction counts only with a cookie this service signed, so a request without one (or with a made-up value)
 * cannot add a vote by being sent again and again.
 */
@Singleton
final class ReaderCookie {

    static final String NAME = "dvc_reader";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 16;
    private static final int SIGNATURE_BYTES = 16;

    /** Where the signing key is kept (migration V231). */
    private static final String KEY_TABLE = "reader_cookie_key";

    private final SigningKeys keys;

    ReaderCookie(SigningKeys keys) {
        this.keys = keys;
    }

    /** The reader id of a cookie this service issued; empty without one or with anything else. */
    Optional<String> reader(HttpRequest<?> request) {
        return request.getCookies().findCookie(NAME).map(Cookie::getValue).filter(this::valid)
                .map(value -> value.substring(0, value.indexOf('.')));
    }

    /** Sets a new cookie on the response unless the request brought a valid one. */
    <T> MutableHttpResponse<T> issueIfMissing(HttpRequest<?> request, MutableHttpResponse<T> response) {
        if (reader(request).isEmpty()) {
            byte[] id = new byte[ID_BYTES];
            RANDOM.nextBytes(id);
            String reader = B64.encodeToString(id);
            response.cookie(Cookie.of(NAME, reader + "." + B64.encodeToString(sign(reader)))
                    .path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(LIFETIME));
        }
        return response;
    }

    private boolean valid(String value) {
        int dot = value.indexOf('.');
        if (value.length() > 64 || dot <= 0) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            return MessageDigest.isEqual(signature, sign(value.substring(0, dot)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] sign(String reader) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.key(KEY_TABLE), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(reader.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
