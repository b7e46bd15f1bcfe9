package vn.dvcassistant.app.conversation;

import java.util.Locale;

public enum ReplyKind {
    /** About one topic: {@code sources[0]}. */
    ANSWER,
    /** Asks which of 2-3 close topics was meant; they are the suggestions. */
    CLARIFY,
    /** The assistant does not know; gives the hotlines and offers to pass the question on. */
    FALLBACK,
    /** Greetings, thanks, help, menu, consent and hand-off replies. */
    SMALLTALK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
