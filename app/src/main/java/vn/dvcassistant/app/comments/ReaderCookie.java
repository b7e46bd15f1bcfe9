package vn.dvcassistant.app.comments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final TransactionOperations<Connection> transactions;
    private volatile byte[] key;

    ReaderCookie(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
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
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(reader.getBytes(StandardCharsets.US_ASCII)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = loadOrCreate();
            key = k;
        }
        return k;
    }

    private byte[] loadOrCreate() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO reader_cookie_key (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setBytes(1, fresh);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("reader cookie key not stored", e);
            }
            // Another instance may have made it first: everyone uses the stored one.
            try (PreparedStatement select = connection.prepareStatement("SELECT secret FROM reader_cookie_key WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            } catch (SQLException e) {
                throw new IllegalStateException("reader cookie key not read", e);
            }
        });
    }
}
