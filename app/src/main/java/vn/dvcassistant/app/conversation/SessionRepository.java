package vn.dvcassistant.app.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends CrudRepository<ConversationSession, String> {

    /** Creates the session unless another request (on any instance) just did. */
    @Query("INSERT INTO conversation_session (id, channel, consent, notice_shown, created_at, updated_at) "
            + "VALUES (:id, :channel, 'unknown', FALSE, now(), now()) ON CONFLICT (id) DO NOTHING")
    void insertIfAbsent(String id, String channel);

    /** Only the consent columns: a whole-row update could undo a concurrent exchange or rating. */
    @Query("UPDATE conversation_session SET consent = :consent, consent_at = :at, updated_at = :at WHERE id = :id")
    void updateConsent(String id, String consent, Instant at);

    /**
     * Marks the topic rated if it was offered in this session and not rated yet; 1 when it did. One
     * statement, so two presses of the same button (or a redelivered callback) cannot both get 1.
     */
    @Query("UPDATE conversation_session SET satisfaction_rated = CASE WHEN satisfaction_rated = '' THEN :topicId "
            + "ELSE satisfaction_rated || ',' || :topicId END "
            + "WHERE id = :id AND strpos(',' || satisfaction_offered || ',', ',' || :topicId || ',') > 0 "
            + "AND strpos(',' || satisfaction_rated || ',', ',' || :topicId || ',') = 0")
    int markSatisfactionRated(String id, String topicId);
}
