package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import vn.dvcassistant.app.database.GroupCommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads a conversation's session and stores each exchange with the session's new state, in as few
 * database round trips as the guarantees allow: one statement to read the session (two more the first
 * time, to create it), and one statement to store the exchange and update the session together,
 * written with the exchanges of other conversations in one transaction ({@link GroupCommit}).
 *
 * <p>Only the columns an exchange changes are written, so a concurrent satisfaction button press
 * ({@link SatisfactionOffers}) or consent button is never overwritten by a stale copy of the session.
 */
@Singleton
class ConversationStore {

    /*
     * Consent is written from this message only if nobody changed it since the message read the session
     * (its consent_at is still the one read), or if this message changed it later than anyone else did.
     * consent_at is the version: a consent button (SessionRepository.updateConsent) sets it to its own
     * time, a message that does not touch consent carries the value it read. Without this, a message
     * arriving just before a consent tap wrote its stale copy of the consent over the tap.
     */
    private static final String CONSENT_IS_THIS_MESSAGES = "(consent_at IS NOT DISTINCT FROM CAST(? AS TIMESTAMPTZ) "
            + "OR (CAST(? AS TIMESTAMPTZ) IS NOT NULL AND (consent_at IS NULL OR CAST(? AS TIMESTAMPTZ) > consent_at)))";

    /*
     * The exchange's foreign key needs the session row, which exists: the statement inserts the
     * exchange and updates that row in one go, so a reply is never stored without its session state.
     */
    private static final String RECORD = """
            WITH stored AS (
                INSERT INTO exchange (id, session_id, channel, question, kind, topic_id, confidence, latency_ms,
                                      handoff_requested, created_at, without_consent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?))
            UPDATE conversation_session
               SET consent = CASE WHEN %1$s THEN ? ELSE consent END,
                   consent_at = CASE WHEN %1$s THEN ? ELSE consent_at END,
                   notice_shown = TRUE, last_topic_id = ?, last_kind = ?,
                   last_exchange_id = ?, updated_at = ?, awaiting_comment = ?,
                   satisfaction_offered = CASE
                       WHEN CAST(? AS TEXT) IS NULL
                         OR strpos(',' || satisfaction_offered || ',', ',' || CAST(? AS TEXT) || ',') > 0
                           THEN satisfaction_offered
                       WHEN satisfaction_offered = '' THEN CAST(? AS TEXT)
                       ELSE satisfaction_offered || ',' || CAST(? AS TEXT) END
             WHERE id = ?""".formatted(CONSENT_IS_THIS_MESSAGES);

    private static final String READ = """
            SELECT channel, consent, consent_at, notice_shown, last_topic_id, last_kind, last_exchange_id,
                   created_at, updated_at, awaiting_comment, satisfaction_offered, satisfaction_rated
              FROM conversation_session WHERE id = ?""";

    private static final int WRITERS = 2;
    private static final int MAX_BATCH = 200;

    /** One exchange to store, with the session's state after it. */
    private record Recorded(Exchange exchange, ConversationSession after, @Nullable String offeredTopic) {
    }

    private final SessionRepository sessions;
    private final GroupCommit<Recorded, Boolean> writes;

    ConversationStore(SessionRepository sessions, TransactionOperations<Connection> transactions) {
        this.sessions = sessions;
        this.writes = new GroupCommit<>("exchange", transactions, ConversationStore::recordAll, WRITERS, MAX_BATCH,
                10_000);
    }

    /**
     * The session with this key, created on the conversation's first message, read on the caller's
     * connection.
     */
    ConversationSession open(Connection connection, String key, Channel channel) {
        try {
            ConversationSession found = read(connection, key);
            if (found != null) {
                return found;
            }
            sessions.insertIfAbsent(key, channel.code());
            found = read(connection, key);
            if (found == null) {
                throw new IllegalStateException("a conversation session vanished right after it was created");
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a conversation session", e);
        }
    }

    /*
     * Read by hand, like the write below: every chat message starts here, and the repository's generic
     * row mapping cost about as much CPU as the statement itself (SessionRepository.findById gives the
     * same record; ConversationStoreTest compares them).
     */
    private static ConversationSession read(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(READ)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new ConversationSession(key, row.getString(1), row.getString(2), instant(row, 3),
                        row.getBoolean(4), row.getString(5), row.getString(6), row.getObject(7, UUID.class),
                        instant(row, 8), instant(row, 9), row.getBoolean(10), row.getString(11), row.getString(12));
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /**
     * Stores the exchange and the session's state after it; returns once committed. The caller must
     * not hold a connection while it waits.
     *
     * @param offeredTopic the procedure this reply offers to rate, remembered so it is offered once
     */
    void record(Exchange exchange, ConversationSession after, @Nullable String offeredTopic) {
        writes.submit(new Recorded(exchange, after, offeredTopic));
    }

    /**
     * Sessions are updated in the order of their ids (a stable sort keeps one session's messages in
     * order), so two batches being written at once never wait for each other's rows in a cycle.
     */
    private static List<Boolean> recordAll(Connection connection, List<Recorded> rows) throws SQLException {
        List<Recorded> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(r -> r.exchange().sessionId()));
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            for (Recorded row : ordered) {
                bind(statement, row.exchange(), row.after(), row.offeredTopic());
                statement.addBatch();
            }
            for (int updated : statement.executeBatch()) {
                if (updated != 1) {
                    throw new SQLException("a conversation session vanished while storing its exchange");
                }
            }
        }
        List<Boolean> done = new ArrayList<>(rows.size());
        rows.forEach(r -> done.add(Boolean.TRUE));
        return done;
    }

    private static void bind(PreparedStatement statement, Exchange exchange, ConversationSession after,
                             @Nullable String offeredTopic) throws SQLException {
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
        // Kept only briefly unless the conversation has consent once this message is handled (RetentionJob).
        statement.setBoolean(++i, !after.consentGiven());
        Timestamp consentAt = after.consentAt() == null ? null : Timestamp.from(after.consentAt());
        bindConsentCondition(statement, i, consentAt);
        i += 3;
        statement.setString(++i, after.consent());
        bindConsentCondition(statement, i, consentAt);
        i += 3;
        if (consentAt == null) {
            statement.setNull(++i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setTimestamp(++i, consentAt);
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
    }

    private static void bindConsentCondition(PreparedStatement statement, int after, @Nullable Timestamp consentAt)
            throws SQLException {
        for (int k = 1; k <= 3; k++) {
            if (consentAt == null) {
                statement.setNull(after + k, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setTimestamp(after + k, consentAt);
            }
        }
    }

    @PreDestroy
    void stop() {
        writes.stop();
    }
}
