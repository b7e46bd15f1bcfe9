package vn.dvcassistant.app.channel.zalo;

import io.micronaut.transaction.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.database.DatabaseOutages;
import vn.dvcassistant.app.privacy.Sha256;
import vn.dvcassistant.channel.zalo.ZaloTokenStore;
import vn.dvcassistant.channel.zalo.ZaloTokens;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The OA's tokens in PostgreSQL, read on every send so that a token refreshed by another instance (or
 * before a restart) is the one used. {@link #save} commits before returning: the old refresh token is
 * already dead. While the database is out of reach the last pair read is used, so the citizen can still be
 * told that the service is interrupted. Both tokens are stored encrypted ({@link ZaloTokenCipher}).
 */
final class DatabaseZaloTokenStore implements ZaloTokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseZaloTokenStore.class);

    /** Advisory lock key for token refreshes (arbitrary; "ZALOTOKN" in ASCII). */
    private static final long REFRESH_LOCK = 0x5A414C4F544F4B4EL;

    private static final String ACCESS = "access_token";
    private static final String REFRESH = "refresh_token";

    private final TransactionOperations<Connection> transactions;
    private final ZaloTokenCipher cipher;
    private volatile ZaloTokens lastRead;

    DatabaseZaloTokenStore(TransactionOperations<Connection> transactions, ZaloTokenCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /**
     * Stores the configured pair unless the stored one descends from the same configured refresh token (it
     * was refreshed since and the configured one no longer works).
     */
    void seed(String accessToken, String refreshToken) {
        execute("INSERT INTO zalo_token (id, access_token, refresh_token, seed_hash, updated_at) VALUES (1, ?, ?, ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, "
                + "refresh_token = excluded.refresh_token, expires_at = NULL, seed_hash = excluded.seed_hash, "
                + "refreshed_at = NULL, refresh_failed_at = NULL, refresh_failure = NULL, "
                + "updated_at = now() WHERE zalo_token.seed_hash <> excluded.seed_hash",
                cipher.encrypt(accessToken, ACCESS), cipher.encrypt(refreshToken, REFRESH), Sha256.hex(refreshToken));
        encryptPlainTokens();
    }

    /** Tokens stored in plain text by an earlier version are encrypted in place, once. */
    void encryptPlainTokens() {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT access_token, refresh_token FROM zalo_token WHERE id = 1 FOR UPDATE");
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next() || ZaloTokenCipher.isEncrypted(rs.getString(1)) && ZaloTokenCipher.isEncrypted(rs.getString(2))) {
                    return 0;
                }
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE zalo_token SET access_token = ?, refresh_token = ? WHERE id = 1")) {
                    update.setString(1, encryptIfPlain(rs.getString(1), ACCESS));
                    update.setString(2, encryptIfPlain(rs.getString(2), REFRESH));
                    LOG.info("zalo_tokens=encrypted_at_rest");
                    return update.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot encrypt the stored Zalo tokens", e);
            }
        });
    }

    private String encryptIfPlain(String stored, String column) {
        return ZaloTokenCipher.isEncrypted(stored) ? stored : cipher.encrypt(stored, column);
    }

    boolean hasTokens() {
        return read() != null;
    }

    @Override
    public ZaloTokens current() {
        ZaloTokens tokens;
        try {
            tokens = read();
        } catch (RuntimeException e) {
            if (lastRead != null && DatabaseOutages.isCause(e)) {
                return lastRead;
            }
            throw e;
        }
        if (tokens == null) {
            throw new IllegalStateException("No Zalo OA tokens: set ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN");
        }
        return tokens;
    }

    @Override
    public void save(ZaloTokens tokens) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(
                    "UPDATE zalo_token SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = now(), "
                            + "refreshed_at = now(), refresh_failed_at = NULL, refresh_failure = NULL WHERE id = 1")) {
                update.setString(1, cipher.encrypt(tokens.accessToken(), ACCESS));
                update.setString(2, cipher.encrypt(tokens.refreshToken(), REFRESH));
                update.setTimestamp(3, tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()));
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store the refreshed Zalo tokens", e);
            }
        });
    }

    /** Alerts: without a refresh the OA stops answering within a day, and for good once the refresh token dies. */
    @Override
    public void refreshFailed(String reason) {
        LOG.error("zalo_token_refresh_failed reason={}", reason);
        try {
            execute("UPDATE zalo_token SET refresh_failed_at = now(), refresh_failure = ? WHERE id = 1",
                    reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        } catch (RuntimeException e) {
            LOG.error("zalo_token_refresh_failure_not_recorded", e);
        }
    }

    /** Expiry and refresh history, for the health page and the token keeper; null before any tokens. */
    ZaloTokenStatus status() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT expires_at, refreshed_at, refresh_failed_at, refresh_failure FROM zalo_token WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ZaloTokenStatus(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), rs.getString(4));
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the Zalo token status", e);
            }
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Instances of the service share these tokens, so a refresh holds a PostgreSQL advisory lock for
     * its transaction: another instance whose token was rejected at the same moment waits, then reads
     * the refreshed pair instead of spending the refresh token a second time. The pair is committed
     * when this returns.
     */
    @Override
    public <T> T exclusively(Supplier<T> refresh) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement lock = status.getConnection().prepareStatement(
                    "SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, REFRESH_LOCK);
                lock.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot lock the Zalo token refresh", e);
            }
            return refresh.get();
        });
    }

    private ZaloTokens read() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT access_token, refresh_token, expires_at FROM zalo_token WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp expires = rs.getTimestamp(3);
                lastRead = new ZaloTokens(cipher.decrypt(rs.getString(1), ACCESS), cipher.decrypt(rs.getString(2), REFRESH),
                        expires == null ? null : expires.toInstant());
                return lastRead;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the Zalo tokens", e);
            }
        });
    }

    private void execute(String sql, String... parameters) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store the Zalo tokens", e);
            }
        });
    }

}
