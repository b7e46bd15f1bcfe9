package vn.dvcassistant.app.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.i18n.Messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Removes a citizen's words and contact details while keeping every row, so the anonymous counts
 * (questions by kind and topic, ratings, satisfaction, comment handling) do not change:
 * <ul>
 *   <li>questions: text emptied; kind, topic, confidence, channel and time stay;</li>
 *   <li>answer ratings of those questions: free-text reason removed, helpful or not stays;</li>
 *   <li>announcements (subscription) and reminders of that conversation: ended;</li>
 *   <li>comments sent from that chat account: contact details and reply address removed, the text
 *       replaced by a notice, unsent replies dropped; status, dates and the agency's answer stay.</li>
 * </ul>
 * A conversation is found by its stored session key (a hash); its comments by the link kept when the chat
 * took them (comment_chat_session, also without consent and from the web chat) and, for comments from before
 * that link existed, by channel and the channel's user id, which is what they keep as the reply address.
 */
@Singleton
public class PersonalDataEraser {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataEraser.class);

    private static final String EXCHANGES = "UPDATE exchange SET question = '' WHERE session_id = ? AND question <> ''";
    private static final String RATINGS = """
            UPDATE answer_rating SET reason = NULL
            WHERE reason IS NOT NULL AND message_id IN (SELECT id FROM exchange WHERE session_id = ?)""";
    /** The conversation's comments: linked to its session, or (older ones) addressed to its chat. */
    private static final String CHAT_COMMENTS = """
            SELECT comment_id FROM comment_chat_session WHERE session_key = ?
            UNION SELECT id FROM citizen_comment WHERE channel = ? AND reply_to = ?""";
    private static final String OUTBOX = "DELETE FROM comment_reply_outbox WHERE sent_at IS NULL AND comment_id IN ("
            + CHAT_COMMENTS + ")";
    private static final String COMMENTS = """
            UPDATE citizen_comment SET contact_name = NULL, contact_phone = NULL, contact_email = NULL,
                   reply_to = NULL, consent = FALSE, text = ?, updated_at = ?
            WHERE id IN (""" + CHAT_COMMENTS + ")";
    private static final String SESSION = """
            UPDATE conversation_session SET last_topic_id = NULL, erasure_requested_at = NULL, consent = 'unknown',
                   consent_at = NULL WHERE id = ?""";
    /** Announcements and reminders end with the data: nothing more is sent to that chat. */
    private static final String SUBSCRIPTION = """
            UPDATE subscription SET ended_at = now(), ended_reason = 'erased' WHERE session_key = ? AND ended_at IS NULL""";
    private static final String REMINDERS = """
            UPDATE reminder SET status = CASE WHEN status IN ('awaiting_date', 'scheduled') THEN 'cancelled' ELSE status END,
                   deadline = NULL, remind_on = NULL, done_at = coalesce(done_at, now())
            WHERE session_key = ?""";
    private static final String LOG_ERASURE = """
            INSERT INTO personal_data_erasure (reason, channel, exchanges, answer_ratings, comments, erased_at)
            VALUES (?, ?, ?, ?, ?, ?)""";

    private final TransactionOperations<Connection> transactions;
    private final Messages messages;

    PersonalDataEraser(TransactionOperations<Connection> transactions, Messages messages) {
        this.transactions = transactions;
        this.messages = messages;
    }

    /**
     * Erases one citizen's data in one transaction (joining the caller's, e.g. the chat reply's).
     *
     * @param sessionKey    the stored conversation session id (SessionKeys.of(channel, user id))
     * @param channel       channel code (web, telegram, zalo)
     * @param channelUserId the user id on that channel, the reply address of their comments; may be null
     * @param reason        citizen (asked in chat) or staff (asked another way)
     */
    public ErasureResult erase(String sessionKey, String channel, @Nullable String channelUserId, String reason) {
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try {
                int ratings = update(c, RATINGS, sessionKey);
                int exchanges = update(c, EXCHANGES, sessionKey);
                // No chat id: only the linked comments (reply_to = NULL matches nothing).
                String chatId = channelUserId == null || channelUserId.isBlank() ? null : channelUserId;
                update(c, OUTBOX, sessionKey, channel, chatId);
                int comments = update(c, COMMENTS, messages.get("privacy.comment.erased"),
                        Timestamp.from(Instant.now()), sessionKey, channel, chatId);
                update(c, SESSION, sessionKey);
                update(c, SUBSCRIPTION, sessionKey);
                update(c, REMINDERS, sessionKey);
                ErasureResult result = new ErasureResult(exchanges, ratings, comments);
                log(c, reason, channel, result);
                LOG.info("personal_data=erased reason={} channel={} exchanges={} answer_ratings={} comments={}",
                        reason, channel, exchanges, ratings, comments);
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Erasing personal data failed", e);
            }
        });
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        }
    }

    static void log(Connection c, String reason, @Nullable String channel, ErasureResult result) throws SQLException {
        update(c, LOG_ERASURE, reason, channel, result.exchanges(), result.answerRatings(), result.comments(),
                Timestamp.from(Instant.now()));
    }
}
