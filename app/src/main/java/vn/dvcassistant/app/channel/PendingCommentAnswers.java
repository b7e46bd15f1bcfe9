package vn.dvcassistant.app.channel;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;

import java.util.List;

/** Comment answers still to send on one channel, oldest first, leaving out those that failed too often. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PendingCommentAnswers extends GenericRepository<ReplyOutboxEntry, Long> {

    @Query("SELECT * FROM comment_reply_outbox WHERE sent_at IS NULL AND channel = :channel AND attempts < :maxAttempts "
            + "ORDER BY created_at LIMIT :limit")
    List<ReplyOutboxEntry> findSendable(String channel, int maxAttempts, int limit);
}
