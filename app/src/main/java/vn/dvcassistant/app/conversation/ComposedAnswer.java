package vn.dvcassistant.app.conversation;

/** An answer as plain text (for channels without structure) and as parts. */
public record ComposedAnswer(String text, AnswerParts parts) {
}
