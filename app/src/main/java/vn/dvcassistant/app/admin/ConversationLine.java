package vn.dvcassistant.app.admin;

/** One turn of the chat before a hand-off, as the staff page shows it: local time, the citizen's words, the reply. */
public record ConversationLine(String at, String question, String reply) {
}
