package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The order in which a message is recognised, first match wins:
 * <ol>
 *   <li>{@link SupplementHandler}: "bổ sung GY-... ..." answers an agency's question, even right after "góp ý";</li>
 *   <li>{@link CommentCaptureHandler}: the message after "góp ý" is the comment;</li>
 *   <li>{@link PickedTopicHandler}: a suggestion the citizen picked;</li>
 *   <li>{@link SmalltalkHandler}, {@link ConsentHandler}, {@link ErasureHandler}: whole-message phrases;</li>
 *   <li>{@link SearchHandler}: the knowledge base, with the previous topic as context; always decides (answer,
 *       follow-up on the previous topic, clarify or fallback).</li>
 * </ol>
 */
@Singleton
final class IntentChain {

    private final List<IntentHandler> handlers;
    private final SearchHandler search;

    IntentChain(SupplementHandler supplement, CommentCaptureHandler commentCapture, PickedTopicHandler pickedTopic,
                SmalltalkHandler smalltalk, ConsentHandler consent, ErasureHandler erasure, SearchHandler search) {
        this.handlers = List.of(supplement, commentCapture, pickedTopic, smalltalk, consent, erasure);
        this.search = search;
    }

    Decision decide(Inquiry inquiry) {
        for (IntentHandler handler : handlers) {
            Optional<Decision> decision = handler.decide(inquiry);
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return search.decide(inquiry);
    }
}
