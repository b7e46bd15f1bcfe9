package vn.dvcassistant.app.conversation;

import java.util.Optional;

/** One kind of message the engine recognises; {@link IntentChain} asks each in turn. */
interface IntentHandler {

    /** The decision for a message of this kind, or empty to let the next handler look. */
    Optional<Decision> decide(Inquiry inquiry);
}
