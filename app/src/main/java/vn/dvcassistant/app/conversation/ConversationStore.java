package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import io.micronaut.data.connection.ConnectionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;

/**
 * Reads a conversation's session and stores each exchange with the session's new state, in as few
 * database round trips as the guarantees allow: one statement to read the session (two more the first
 * time, to create it) and one to store the exchange and update the session together.
 *
 * <p>Both statements run in autocommit: each is atomic on its own, and nothing else of a chat message
 * needs to commit with them. Only the columns an exchange changes are written, so a concurrent
 * satisfaction button press ({@link SatisfactionOffers}) or consent button is never overwritten by a
 * stale copy of the session.
 */
@Singleton
class ConversationStore {

    /*
     * The exchange's foreign key needs the session row, which exists: the statement inserts the
     * exchange and updates that row in one go, so a reply is never stored without its session state.
     */
    private static final String RECORD = """
            WITH stored AS (
                INSERT INTO exchange (id, session_id, channel, question, kind, topic_id, confidence, latency_ms,
                                      handoff_requested, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?))
            UPDATE conversation_session
               SET consent = ?, consent_at = ?, notice_shown = TRUE, last_topic_id = ?, last_kind = ?,
                   last_exchange_id = ?, updated_at = ?, awaiting_comment = ?,
                   satisfaction_offered = CASE
                       WHEN CAST(? AS TEXT) IS NULL
                         OR strpos(',' || satisfaction_offered || ',', ',' || CAST(? AS TEXT) || ',') > 0
                           THEN satisfaction_offered
                       WHEN satisfaction_offered = '' THEN CAST(? AS TEXT)
                       ELSE satisfaction_offered || ',' || CAST(? AS TEXT) END
             WHERE id = ?""";

    private final SessionRepository sessions;
    private final ConnectionOperations<Connection> connections;

    ConversationStore(SessionRepository sessions, ConnectionOperations<Connection> connections) {
        this.sessions = sessions;
        this.connections = connections;
    }

    /**
     * The session with this key, created on the conversation's first message. Callers hold a
     * connection ({@code @Connectable}) for this and {@link #record}.
     */
    ConversationSession open(String key, Channel channel) {
        Optional<ConversationSession> found = sessions.findById(key);
        if (found.isPresent()) {
            return found.get();
        }
        sessions.insertIfAbsent(key, channel.code());
        return sessions.findById(key).orElseThrow();
    }

    /**
     * Stores the exchange and the session's state after it.
     *
     * @param offeredTopic the procedure this reply offers to rate, remembered so it is offered once
     */
    void record(Exchange exchange, ConversationSession after, @Nullable String offeredTopic) {
        Connection connection = connections.getConnectionStatus().getConnection();
        try {
            // A read-only transaction run earlier on this connection (e.g. checking a pending erasure
            // request) leaves it marked read-only when it joined the caller's connection.
            if (connection.isReadOnly()) {
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the exchange", e);
        }
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            Timestamp at = Timestamp.from(exchange.createdAt());
            int i = 0;
            statement.setObject(++i, exchange.id());
            statement.setString(++i, exchange.sessionId());
            statement.setString(++i, exchange.channel());
            statement.setString(++i, exchange.question());
            statement.setString(++i, exchange.kind());
            statement.setString(++i, exchange.topicId());
            statement.setDouble(++i, exchange.confidence());
            statement.setInt(++i, exchange.latencyMs());
            statement.setTimestamp(++i, at);
            statement.setString(++i, after.consent());
            if (after.consentAt() == null) {
                statement.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setTimestamp(++i, Timestamp.from(after.consentAt()));
            }
            statement.setString(++i, after.lastTopicId());
            statement.setString(++i, exchange.kind());
            statement.setObject(++i, exchange.id());
            statement.setTimestamp(++i, at);
            statement.setBoolean(++i, after.awaitingComment());
            for (int k = 0; k < 4; k++) {
                statement.setString(++i, offeredTopic);
            }
            statement.setString(++i, exchange.sessionId());
            if (statement.executeUpdate() != 1) {
                throw new IllegalStateException("conversation session vanished while storing an exchange");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the exchange", e);
        }
    }
}
