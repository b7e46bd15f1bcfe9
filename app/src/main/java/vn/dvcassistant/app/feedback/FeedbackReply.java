package vn.dvcassistant.app.feedback;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** @param changed true when an earlier rating of the same answer was replaced */
@Serdeable
public record FeedbackReply(UUID messageId, boolean helpful, boolean changed, String message) {
}
