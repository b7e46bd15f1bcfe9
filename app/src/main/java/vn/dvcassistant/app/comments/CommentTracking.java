package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What anyone holding the tracking code may see. Never the citizen's contact details; the comment
 * text and the answer only once the answer is published; for a question handed over from the chat ({@code kind}
 * {@code question}, never published), once it is answered: only its asker holds the code.
 */
@Serdeable
public record CommentTracking(
        String code,
        String status,
        String statusLabel,
        @Nullable String statusNote,
        String field,
        String fieldLabel,
        String agency,
        String agencyName,
        String receivedOn,
        String answerDue,
        @Nullable String answeredOn,
        @Nullable String publishedOn,
        @Nullable String text,
        @Nullable String answer,
        int usefulCount,
        int notUsefulCount,
        String kind) {
}
