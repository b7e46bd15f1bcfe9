package vn.dvcassistant.app.comments;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.privacy.Sha256;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Readers' "useful / not useful" on published answers, one per reader and answer: a second press of
 * the same button changes nothing, the other button moves the reader's vote. Without it, one person
 * pressing repeatedly made the figures an agency is judged by meaningless.
 *
 * <p>The comment's row is locked first, so reactions to one answer are applied one after another and
 * the counts shown stay equal to the votes held, whatever arrives at the same time.
 */
@Singleton
final class CommentReactions {

    private final TransactionOperations<Connection> transactions;
    private final Clock clock = Clock.systemUTC();

    CommentReactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param code   the answer's tracking code, as typed
     * @param reader the reader's anonymous cookie value; only its hash is stored
     * @throws Refusal 404 {@code unknown_published_comment} unless the answer is published
     */
    void react(String code, String reader, boolean useful) {
        String normalised = TrackingCodes.normalise(code);
        if (normalised == null) {
            throw Refusal.notFound("unknown_published_comment");
        }
        String readerHash = Sha256.hex(reader);
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try {
                long commentId = lockPublished(connection, normalised);
                Boolean previous = previousVote(connection, commentId, readerHash);
                if (previous != null && previous == useful) {
                    return null;
                }
                upsertVote(connection, commentId, readerHash, useful);
                // The new vote counts; a previous (other) vote no longer does.
                adjustCounts(connection, commentId,
                        (useful ? 1 : 0) - (Boolean.TRUE.equals(previous) ? 1 : 0),
                        (useful ? 0 : 1) - (Boolean.FALSE.equals(previous) ? 1 : 0));
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException("Reaction not stored", e);
            }
        });
    }

    private static long lockPublished(Connection connection, String code) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT id FROM citizen_comment WHERE code = ? AND status = 'published' FOR UPDATE")) {
            q.setString(1, code);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw Refusal.notFound("unknown_published_comment");
                }
                return rs.getLong(1);
            }
        }
    }

    private static Boolean previousVote(Connection connection, long commentId, String reader) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT useful FROM comment_reaction WHERE comment_id = ? AND reader = ?")) {
            q.setLong(1, commentId);
            q.setString(2, reader);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    /** Under the comment's row lock no other transaction changes this reader's vote meanwhile. */
    private void upsertVote(Connection connection, long commentId, String reader, boolean useful) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO comment_reaction (comment_id, reader, useful, reacted_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (comment_id, reader) DO UPDATE SET useful = excluded.useful, "
                        + "reacted_at = excluded.reacted_at")) {
            s.setLong(1, commentId);
            s.setString(2, reader);
            s.setBoolean(3, useful);
            s.setTimestamp(4, Timestamp.from(clock.instant()));
            s.executeUpdate();
        }
    }

    private static void adjustCounts(Connection connection, long commentId, int useful, int notUseful)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE citizen_comment SET useful_count = useful_count + ?, not_useful_count = not_useful_count + ? "
                        + "WHERE id = ?")) {
            s.setInt(1, useful);
            s.setInt(2, notUseful);
            s.setLong(3, commentId);
            s.executeUpdate();
        }
    }
}
