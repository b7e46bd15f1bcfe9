package vn.dvcassistant.app.comments;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** For the channel wiring: read what is pending, mark what was sent or failed. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReplyOutboxRepository extends CrudRepository<ReplyOutboxEntry, Long> {

    List<ReplyOutboxEntry> findByCommentId(long commentId);

    /**
     * Sent: the recipient's channel id and the text are not needed any more, so they are cleared at once
     * (emptied rather than nulled, the columns being NOT NULL); the row stays as the record that it was sent.
     */
    @Query("UPDATE comment_reply_outbox SET sent_at = :sentAt, attempts = attempts + 1, last_error = NULL, "
            + "recipient = '', text = '' WHERE id = :id")
    void markSent(long id, Instant sentAt);

    /** Gives the claim back, so the next round tries again (up to the outbox's attempt limit). */
    @Query("UPDATE comment_reply_outbox SET attempts = attempts + 1, last_error = :error, claimed_until = NULL "
            + "WHERE id = :id")
    void markFailed(long id, String error);
}
