package vn.dvcassistant.app.conversation;

import java.util.Optional;

/**
 * One message with its session, as the intent handlers read it. The folded text, the small-talk kind and
 * the facet are worked out at most once per message, by the first handler that asks.
 */
final class Inquiry {

    private final IncomingMessage message;
    private final ConversationSession session;
    private FoldedText folded;
    private Optional<Smalltalk> smalltalk;
    private Optional<Facet> facet;

    Inquiry(IncomingMessage message, ConversationSession session) {
        this.message = message;
        this.session = session;
    }

    IncomingMessage message() {
        return message;
    }

    ConversationSession session() {
        return session;
    }

    /** Typed text, not a suggestion the citizen picked. */
    boolean typed() {
        return message.topicId() == null;
    }

    FoldedText folded() {
        if (folded == null) {
            folded = FoldedText.of(message.text());
        }
        return folded;
    }

    Optional<Smalltalk> smalltalk() {
        if (smalltalk == null) {
            smalltalk = Smalltalk.detect(folded());
        }
        return smalltalk;
    }

    /** The part of a procedure asked about ("lệ phí bao nhiêu?"), if any. */
    Optional<Facet> facet() {
        if (facet == null) {
            facet = Facet.detect(folded());
        }
        return facet;
    }
}
