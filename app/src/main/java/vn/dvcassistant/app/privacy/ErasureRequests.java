package vn.dvcassistant.app.privacy;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The "are you sure?" step of deleting one's data in chat: asking marks the session, and only a
 * confirmation within {@link #WINDOW} deletes. A stray "xác nhận xóa" later deletes nothing.
 */
@Singleton
public class ErasureRequests {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final TransactionOperations<Connection> transactions;

    ErasureRequests(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public void ask(String sessionKey, Instant now) {
        transactions.executeWrite(status -> {
            try {
                return PersonalDataEraser.update(status.getConnection(),
                        "UPDATE conversation_session SET erasure_requested_at = ? WHERE id = ?",
                        Timestamp.from(now), sessionKey);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public boolean isPending(String sessionKey, Instant now) {
        return transactions.executeRead(status -> {
            try (PreparedStatement s = status.getConnection().prepareStatement(
                    "SELECT erasure_requested_at FROM conversation_session WHERE id = ?")) {
                s.setString(1, sessionKey);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getTimestamp(1) == null) {
                        return false;
                    }
                    return rs.getTimestamp(1).toInstant().plus(WINDOW).isAfter(now);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
