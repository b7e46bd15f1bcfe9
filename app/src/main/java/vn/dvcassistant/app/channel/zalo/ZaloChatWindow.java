package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.conversation.SessionKeys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * When each Zalo citizen last wrote to the OA. Zalo delivers consultation messages only within a window
 * after that (free for 48 hours, paid up to 7 days, then refused with -230/-232), so an answer to a
 * comment, which may come two weeks later, is sent in the chat only while the window is open.
 * Stored under the session's hashed key, never the Zalo user id.
 */
@Singleton
public class ZaloChatWindow {

    /** Zalo refuses consultation messages after this, paid or not. */
    static final Duration LONGEST = Duration.ofDays(7);

    private final TransactionOperations<Connection> transactions;
    private final Duration length;

    ZaloChatWindow(TransactionOperations<Connection> transactions,
                   @Value("${channels.zalo.consultation-window:48h}") Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("ZALO_CONSULTATION_WINDOW must be more than 0 and at most 7d (Zalo's "
                    + "limit), got " + length);
        }
        this.transactions = transactions;
        this.length = length;
    }

    /** How long after the citizen's last message we still send in the chat. */
    public Duration length() {
        return length;
    }

    public void messageReceived(String userId) {
        transactions.executeWrite(status -> {
            try (PreparedStatement upsert = status.getConnection().prepareStatement(
                    "INSERT INTO zalo_chat_window (session_key, last_message_at) VALUES (?, now()) "
                            + "ON CONFLICT (session_key) DO UPDATE SET last_message_at = now()")) {
                upsert.setString(1, key(userId));
                return upsert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record a Zalo message time", e);
            }
        });
    }

    /** True when the citizen wrote within the window. */
    public boolean isOpen(String userId) {
        return wroteWithin(userId, length);
    }

    /** True when the citizen wrote within {@code window} (announcements have a window setting of their own). */
    public boolean wroteWithin(String userId, Duration window) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT last_message_at > now() - make_interval(secs => ?) FROM zalo_chat_window "
                            + "WHERE session_key = ?")) {
                select.setDouble(1, window.toSeconds());
                select.setString(2, key(userId));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a Zalo message time", e);
            }
        });
    }

    /** Past the longest window the time says nothing any more. */
    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void purge() {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete = status.getConnection().prepareStatement(
                    "DELETE FROM zalo_chat_window WHERE last_message_at < now() - interval '8 days'")) {
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot purge Zalo message times", e);
            }
        });
    }

    private static String key(String userId) {
        return SessionKeys.of(Channel.ZALO, userId);
    }
}
