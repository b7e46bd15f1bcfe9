package vn.dvcassistant.app.comments;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CommentEventRepository extends CrudRepository<CommentEvent, Long> {

    List<CommentEvent> findByCommentIdOrderByAt(long commentId);
}
