package vn.dvcassistant.app.satisfaction;

import io.micronaut.serde.annotation.Serdeable;

/** What {@code POST /api/v1/satisfaction} answers with 201. */
@Serdeable
public record RecordedSatisfaction(long id, String topicId, String field, String level, boolean satisfied, String message) {
}
