package vn.dvcassistant.app.channel.zalo;

import vn.dvcassistant.app.channel.PendingCommentAnswers;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;

import java.util.List;

/** The Zalo-only steps of the comment-answer outbox: how an entry got through, or why it waits. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ZaloOutboxEntries extends GenericRepository<ReplyOutboxEntry, Long> {

    /** Entries kept for this citizen until they write again; call with {@link PendingCommentAnswers#claim}. */
    @Query("SELECT * FROM comment_reply_outbox WHERE sent_at IS NULL AND channel = 'zalo' AND held_since IS NOT NULL "
            + "AND recipient = :recipient AND attempts < :maxAttempts "
            + "AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY created_at FOR UPDATE SKIP LOCKED")
    List<ReplyOutboxEntry> lockHeld(String recipient, int maxAttempts);

    @Query("UPDATE comment_reply_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL, "
            + "delivered_by = :deliveredBy, claimed_until = NULL WHERE id = :id")
    void markDelivered(long id, String deliveredBy);

    /** Kept for the citizen's next message; not an attempt, so it does not count towards giving up. */
    @Query("UPDATE comment_reply_outbox SET held_since = coalesce(held_since, now()), last_error = :reason, "
            + "claimed_until = NULL WHERE id = :id")
    void hold(long id, String reason);

    /** Zalo will refuse this message whenever it is sent: no more tries. */
    @Query("UPDATE comment_reply_outbox SET attempts = greatest(attempts + 1, :maxAttempts), last_error = :reason, "
            + "claimed_until = NULL WHERE id = :id")
    void giveUp(long id, String reason, int maxAttempts);
}
