package vn.dvcassistant.app.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ExchangeRepository extends CrudRepository<Exchange, UUID> {

    /** Questions the assistant could not answer, newest first: what editors read to improve the content. */
    @Query("SELECT * FROM exchange WHERE kind = 'fallback' AND created_at >= :since ORDER BY created_at DESC LIMIT :limit")
    List<Exchange> findUnanswered(Instant since, int limit);

    /** Topic ids answered most often, most asked first. */
    @Query("SELECT topic_id FROM exchange WHERE kind = 'answer' AND topic_id IS NOT NULL "
            + "GROUP BY topic_id ORDER BY count(*) DESC, topic_id LIMIT :limit")
    List<String> findMostAskedTopicIds(int limit);

    /** A session's last questions as stored (masked), newest first: the turns a language model is shown. */
    @Query("SELECT question FROM exchange WHERE session_id = :sessionId ORDER BY created_at DESC LIMIT :limit")
    List<String> findRecentQuestions(String sessionId, int limit);

    @Query("UPDATE exchange SET handoff_requested = TRUE WHERE id = :id")
    void markHandoffRequested(UUID id);
}
