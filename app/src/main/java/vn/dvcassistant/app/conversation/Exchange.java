package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One question and the assistant's reply, as stored.
 *
 * @param question the citizen's text with identity and phone numbers masked
 * @param kind     answer, clarify, fallback or smalltalk
 * @param handoffRequested the citizen asked to pass this unanswered question on to staff
 */
@MappedEntity("exchange")
public record Exchange(
        @Id UUID id,
        String sessionId,
        String channel,
        String question,
        String kind,
        @Nullable String topicId,
        double confidence,
        int latencyMs,
        boolean handoffRequested,
        Instant createdAt) {
}
