package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The chat that led to a handed-over question, for the staff who answer it: the citizen's messages as stored
 * (masked) and what kind of reply each got, up to the hand-off. Read from the conversation's own records, so
 * "xóa dữ liệu" and the retention job remove it here too.
 */
@Singleton
public class HandoffConversation {

    /** Enough to understand the question; a long chat's first turns are rarely about it. */
    static final int TURNS = 20;

    /**
     * @param kind    the assistant's reply: answer, clarify, fallback or smalltalk
     * @param topicId the topic answered, for kind answer
     */
    public record Turn(Instant at, String question, String kind, @Nullable String topicId) {
    }

    private final TransactionOperations<Connection> transactions;

    HandoffConversation(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Oldest first; empty for a comment not sent from a chat. */
    public List<Turn> before(String code) {
        return transactions.executeRead(status -> {
            try (PreparedStatement query = status.getConnection().prepareStatement("""
                    SELECT e.created_at, e.question, e.kind, e.topic_id
                      FROM citizen_comment c
                      JOIN comment_chat_session s ON s.comment_id = c.id
                      JOIN exchange e ON e.session_id = s.session_key
                     WHERE c.code = ? AND e.created_at <= c.received_at AND e.question <> ''
                     ORDER BY e.created_at DESC
                     LIMIT ?""")) {
                query.setString(1, code);
                query.setInt(2, TURNS);
                List<Turn> turns = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        turns.add(new Turn(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
                Collections.reverse(turns);
                return turns;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the conversation of a handed-over question", e);
            }
        });
    }
}
