package vn.dvcassistant.app.channel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;

import java.util.List;

/**
 * Comment answers still to send on one channel, oldest first, leaving out those that failed too often
 * those another instance has claimed, and Zalo answers kept until the citizen writes again. Call both methods in one transaction ({@link OutboxClaims}).
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PendingCommentAnswers extends GenericRepository<ReplyOutboxEntry, Long> {

    /** Row locks skip what a concurrent claim is taking, so two instances never get the same entry. */
    @Query("SELECT * FROM comment_reply_outbox WHERE sent_at IS NULL AND channel = :channel AND attempts < :maxAttempts "
            + "AND held_since IS NULL AND (claimed_until IS NULL OR claimed_until < now()) "
            + "ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED")
    List<ReplyOutboxEntry> lockSendable(String channel, int maxAttempts, int limit);

    @Query("UPDATE comment_reply_outbox SET claimed_until = now() + make_interval(secs => :leaseSeconds) "
            + "WHERE id IN (:ids)")
    void claim(List<Long> ids, int leaseSeconds);
}
