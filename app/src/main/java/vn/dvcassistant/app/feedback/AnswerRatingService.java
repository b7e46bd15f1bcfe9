package vn.dvcassistant.app.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.privacy.PersonalDataMasker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * Helpful / not helpful on one answer, from any channel (web buttons, Telegram and Zalo buttons).
 * One rating per answer: rating again replaces the earlier one.
 */
@Singleton
public final class AnswerRatingService {

    public static final int MAX_REASON = 1000;

    private static final String UPSERT = """
            INSERT INTO answer_rating (message_id, helpful, reason, channel, created_at, updated_at)
            SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM exchange WHERE id = ?)
            ON CONFLICT (message_id) DO UPDATE
               SET helpful = excluded.helpful, reason = excluded.reason, channel = excluded.channel,
                   updated_at = excluded.updated_at
            RETURNING (xmax = 0) AS inserted
            """;

    private final TransactionOperations<Connection> transactions;

    public AnswerRatingService(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Records the rating of the answer {@code messageId} (the {@code messageId} of the chat reply).
     *
     * @return whether this was the first rating of that answer (false: an earlier one was replaced)
     * @throws Refusal 404 {@code unknown_message} when no answer has that id; 400 when the reason is too long
     */
    public boolean rate(UUID messageId, boolean helpful, @Nullable String reason, Channel channel) {
        String cleaned = reason == null || reason.isBlank() ? null : reason.strip();
        if (cleaned != null && cleaned.length() > MAX_REASON) {
            throw Refusal.invalid("reason_too_long");
        }
        String masked = cleaned == null ? null : PersonalDataMasker.mask(cleaned);
        Timestamp now = Timestamp.from(Instant.now());
        Boolean inserted = transactions.executeWrite(status -> {
            try (PreparedStatement upsert = status.getConnection().prepareStatement(UPSERT)) {
                upsert.setObject(1, messageId);
                upsert.setBoolean(2, helpful);
                upsert.setString(3, masked);
                upsert.setString(4, channel.code());
                upsert.setTimestamp(5, now);
                upsert.setTimestamp(6, now);
                upsert.setObject(7, messageId);
                try (ResultSet rs = upsert.executeQuery()) {
                    return rs.next() ? rs.getBoolean(1) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store an answer rating", e);
            }
        });
        if (inserted == null) {
            throw Refusal.notFound("unknown_message");
        }
        return inserted;
    }
}
