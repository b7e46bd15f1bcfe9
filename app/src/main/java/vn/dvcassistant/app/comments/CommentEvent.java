package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One status change of a comment: the audit trail. */
@MappedEntity("citizen_comment_event")
public record CommentEvent(
        @Id @GeneratedValue @Nullable Long id,
        long commentId,
        @Nullable String fromStatus,
        String toStatus,
        String actor,
        @Nullable String note,
        Instant at) {
}
