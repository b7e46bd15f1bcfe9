package vn.dvcassistant.app.comments;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommentRepository extends CrudRepository<CitizenComment, Long> {

    Optional<CitizenComment> findByCode(String code);

    boolean existsByCode(String code);

    @Query("SELECT * FROM citizen_comment WHERE status = 'published' ORDER BY published_at DESC LIMIT :limit OFFSET :offset")
    List<CitizenComment> findPublished(int limit, int offset);

    @Query("SELECT count(*) FROM citizen_comment WHERE status = 'published'")
    long countPublished();
}
