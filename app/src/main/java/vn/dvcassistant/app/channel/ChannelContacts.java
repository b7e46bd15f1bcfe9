package vn.dvcassistant.app.channel;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.conversation.SessionKeys;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The chat id of a session, kept only while the citizen's consent stands (Law 91/2025/QH15), and whether a
 * Zalo follower left the OA. Before consent the chat id lives only in memory, for the reply in flight.
 */
@Singleton
public class ChannelContacts {

    private final TransactionOperations<Connection> transactions;

    ChannelContacts(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Stores the chat id while consent is given; forgets it as soon as it is not. */
    public void syncConsent(Channel channel, String sessionId, String chatId, boolean consentGiven) {
        String sql = consentGiven
                ? "INSERT INTO channel_contact (session_key, channel, chat_id, updated_at) VALUES (?, ?, ?, now()) "
                + "ON CONFLICT (session_key) DO UPDATE SET chat_id = excluded.chat_id, updated_at = now() "
                + "WHERE channel_contact.chat_id IS DISTINCT FROM excluded.chat_id"
                : "UPDATE channel_contact SET chat_id = NULL, updated_at = now() "
                + "WHERE session_key = ? AND channel = ? AND chat_id IS NOT NULL";
        if (consentGiven) {
            update(sql, key(channel, sessionId), channel.code(), chatId);
        } else {
            update(sql, key(channel, sessionId), channel.code());
        }
    }

    public void unfollowed(Channel channel, String sessionId) {
        update("INSERT INTO channel_contact (session_key, channel, unfollowed_at, updated_at) VALUES (?, ?, now(), now()) "
                + "ON CONFLICT (session_key) DO UPDATE SET unfollowed_at = now(), updated_at = now()",
                key(channel, sessionId), channel.code());
    }

    public void followed(Channel channel, String sessionId) {
        update("UPDATE channel_contact SET unfollowed_at = NULL, updated_at = now() "
                + "WHERE session_key = ? AND channel = ? AND unfollowed_at IS NOT NULL",
                key(channel, sessionId), channel.code());
    }

    public boolean isUnfollowed(Channel channel, String sessionId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT unfollowed_at IS NOT NULL FROM channel_contact WHERE session_key = ?")) {
                select.setString(1, key(channel, sessionId));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a channel contact", e);
            }
        });
    }

    /** The stored chat id of a session, present only while consent is given. */
    public Optional<String> chatId(Channel channel, String sessionId) {
        return Optional.ofNullable(transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT chat_id FROM channel_contact WHERE session_key = ?")) {
                select.setString(1, key(channel, sessionId));
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read a channel contact", e);
            }
        }));
    }

    static String key(Channel channel, String sessionId) {
        return SessionKeys.of(channel, sessionId);
    }

    private void update(String sql, String... parameters) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot update a channel contact", e);
            }
        });
    }
}
