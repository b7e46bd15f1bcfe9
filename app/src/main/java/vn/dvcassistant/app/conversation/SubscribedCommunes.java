package vn.dvcassistant.app.conversation;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The commune a chat subscribed for (its People's Committee's code, from the outreach package's subscription table),
 * which routes the chat's comments and hand-off questions to that commune. Read here rather than through outreach,
 * which depends on the conversation (no package cycle).
 */
@Singleton
final class SubscribedCommunes {

    private final TransactionOperations<Connection> transactions;

    SubscribedCommunes(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    Optional<String> of(Channel channel, String sessionId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT commune FROM subscription WHERE session_key = ? AND ended_at IS NULL")) {
                select.setString(1, SessionKeys.of(channel, sessionId));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
