package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A citizen's comment and where its handling stands. Contact fields are null unless the citizen
 * consented; {@code text} is stored with identity and phone numbers masked.
 *
 * @param answerDue   handling deadline (15 working days), moved when missing information arrives
 * @param acknowledgedAt when staff first acted on it (the "tiếp thu" Decision 1588 counts)
 * @param kind        {@link CommentKind#code()}: a comment, or a question handed over from the chat
 * @param publicText  the citizen's text as the public sees it, confirmed by staff when they published; the
 *                    original {@code text} is for staff only
 */
@MappedEntity("citizen_comment")
public record CitizenComment(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        String channel,
        @Nullable String topicId,
        String field,
        String agency,
        String text,
        boolean consent,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        @Nullable String replyTo,
        String status,
        @Nullable String statusNote,
        Instant receivedAt,
        @Nullable Instant acknowledgedAt,
        LocalDate rejectDue,
        LocalDate infoDue,
        LocalDate answerDue,
        @Nullable LocalDate publishDue,
        @Nullable Instant answeredAt,
        @Nullable String answer,
        @Nullable Instant publishedAt,
        @Nullable Instant closedAt,
        int usefulCount,
        int notUsefulCount,
        Instant updatedAt,
        String kind,
        @Nullable String publicText) {

    public CommentStatus commentStatus() {
        return CommentStatus.fromCode(status).orElseThrow();
    }

    public CommentKind commentKind() {
        return CommentKind.fromCode(kind);
    }

    /** A question handed over from the chat ("chuyển câu hỏi"), not a comment. */
    public boolean question() {
        return commentKind() == CommentKind.QUESTION;
    }
}
