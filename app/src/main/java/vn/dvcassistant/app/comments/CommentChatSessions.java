package vn.dvcassistant.app.comments;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Remembers which chat conversation (its session key, a hash) a comment came from, with or without consent,
 * so that erasing that conversation's data also erases the comment's text (PersonalDataEraser).
 */
@Singleton
public class CommentChatSessions {

    private final TransactionOperations<Connection> transactions;

    CommentChatSessions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public void link(String commentCode, String sessionKey) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO comment_chat_session (comment_id, session_key)
                    SELECT id, ? FROM citizen_comment WHERE code = ? ON CONFLICT DO NOTHING""")) {
                insert.setString(1, sessionKey);
                insert.setString(2, commentCode);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot link a comment to its chat", e);
            }
        });
    }
}
