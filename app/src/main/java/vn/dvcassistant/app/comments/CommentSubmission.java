package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;

/**
 * A new comment, from the web form or a chat channel.
 *
 * @param topicId the procedure it is about, when known (its field decides the routing)
 * @param field   the field when there is no topic; {@code dvc-chung} when neither is given
 * @param channel web | telegram | zalo
 * @param consent the citizen explicitly agreed to have contact details stored; without it they are dropped
 * @param replyTo the chat user id to send the answer to (set by chat channels, never by the public API)
 * @param hintField the chat's previous topic's field: used only when neither a topic nor a field is given and the
 *                text itself matches nothing ({@link CommentTextRouting})
 * @param commune the citizen's commune (a People's Committee's code) when the chat knows it (their subscription):
 *                a comment about a procedure the commune handles goes there ({@link CommentRouting})
 */
public record CommentSubmission(
        String text,
        @Nullable String topicId,
        @Nullable String field,
        String channel,
        boolean consent,
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String replyTo,
        @Nullable String hintField,
        @Nullable String commune) {

    public CommentSubmission(String text, @Nullable String topicId, @Nullable String field, String channel,
                             boolean consent, @Nullable String name, @Nullable String phone, @Nullable String email,
                             @Nullable String replyTo, @Nullable String hintField) {
        this(text, topicId, field, channel, consent, name, phone, email, replyTo, hintField, null);
    }

    public CommentSubmission(String text, @Nullable String topicId, @Nullable String field, String channel,
                             boolean consent, @Nullable String name, @Nullable String phone, @Nullable String email,
                             @Nullable String replyTo) {
        this(text, topicId, field, channel, consent, name, phone, email, replyTo, null, null);
    }
}
