package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * An answer to send back to a citizen on their channel. Written in the same transaction as the
 * answer, so an answer is never recorded without its message; the channel wiring sends it and sets
 * {@code sentAt}.
 *
 * @param recipient the channel's user id (Telegram chat id, Zalo user id) or the e-mail / phone for web
 */
@MappedEntity("comment_reply_outbox")
public record ReplyOutboxEntry(
        @Id @GeneratedValue @Nullable Long id,
        long commentId,
        String channel,
        String recipient,
        String text,
        Instant createdAt,
        @Nullable Instant sentAt,
        int attempts,
        @Nullable String lastError) {
}
