package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The anonymous cookie that tells one reader's reactions from another's on the transparency page: a
 * random value, nothing else, sent back only to this site. A reader without it gets a new one with
 * their first reaction.
 */
final class ReaderCookie {

    static final String NAME = "dvc_reader";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;
    private final boolean issued;

    private ReaderCookie(String value, boolean issued) {
        this.value = value;
        this.issued = issued;
    }

    static ReaderCookie of(HttpRequest<?> request) {
        Optional<String> sent = request.getCookies().findCookie(NAME).map(Cookie::getValue)
                .filter(ReaderCookie::wellFormed);
        if (sent.isPresent()) {
            return new ReaderCookie(sent.get(), false);
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new ReaderCookie(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), true);
    }

    String value() {
        return value;
    }

    /** Sets the cookie on the response if this request did not bring one. */
    <T> MutableHttpResponse<T> attachTo(MutableHttpResponse<T> response) {
        if (issued) {
            response.cookie(Cookie.of(NAME, value).path("/").httpOnly(true).sameSite(SameSite.Lax)
                    .maxAge(LIFETIME));
        }
        return response;
    }

    /** A value we could have issued: 22 base64url characters. Anything else gets a new cookie. */
    private static boolean wellFormed(String value) {
        return value.length() == 22 && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
