package vn.dvcassistant.app.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends CrudRepository<ConversationSession, String> {

    /** Creates the session unless another request (on any instance) just did. */
    @Query("INSERT INTO conversation_session (id, channel, consent, notice_shown, created_at, updated_at) "
            + "VALUES (:id, :channel, 'unknown', FALSE, now(), now()) ON CONFLICT (id) DO NOTHING")
    void insertIfAbsent(String id, String channel);
}
