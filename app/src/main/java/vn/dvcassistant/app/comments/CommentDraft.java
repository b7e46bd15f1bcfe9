package vn.dvcassistant.app.comments;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A changed copy of a {@link CitizenComment}: starts as the comment, the caller sets what changes, and
 * {@link #build()} makes the new record. Written once here, so no step of the lifecycle lists the 27
 * fields again (and none can drop one by mistake).
 */
final class CommentDraft {

    private final CitizenComment original;
    String field;
    String agency;
    String text;
    String status;
    String statusNote;
    Instant acknowledgedAt;
    LocalDate answerDue;
    LocalDate publishDue;
    Instant answeredAt;
    String answer;
    Instant publishedAt;
    Instant closedAt;
    Instant updatedAt;
    String publicText;

    private CommentDraft(CitizenComment c) {
        this.original = c;
        this.field = c.field();
        this.agency = c.agency();
        this.text = c.text();
        this.status = c.status();
        this.statusNote = c.statusNote();
        this.acknowledgedAt = c.acknowledgedAt();
        this.answerDue = c.answerDue();
        this.publishDue = c.publishDue();
        this.answeredAt = c.answeredAt();
        this.answer = c.answer();
        this.publishedAt = c.publishedAt();
        this.closedAt = c.closedAt();
        this.updatedAt = c.updatedAt();
        this.publicText = c.publicText();
    }

    static CommentDraft of(CitizenComment comment) {
        return new CommentDraft(comment);
    }

    CitizenComment build() {
        CitizenComment c = original;
        return new CitizenComment(c.id(), c.code(), c.channel(), c.topicId(), field, agency, text,
                c.consent(), c.contactName(), c.contactPhone(), c.contactEmail(), c.replyTo(), status,
                statusNote, c.receivedAt(), acknowledgedAt, c.rejectDue(), c.infoDue(),
                answerDue, publishDue, answeredAt, answer, publishedAt, closedAt,
                c.usefulCount(), c.notUsefulCount(), updatedAt, c.kind(), publicText);
    }
}
