package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.List;
import java.util.Optional;

/** A suggestion the citizen picked (clarify, menu): answered about that topic, with full confidence. */
@Singleton
final class PickedTopicHandler implements IntentHandler {

    private final KnowledgeBase knowledgeBase;
    private final AnswerDecisions answers;

    PickedTopicHandler(KnowledgeBase knowledgeBase, AnswerDecisions answers) {
        this.knowledgeBase = knowledgeBase;
        this.answers = answers;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        if (inquiry.typed()) {
            return Optional.empty();
        }
        // An unknown id (an old button) is read as typed text by the handlers after this one.
        return knowledgeBase.topic(inquiry.message().topicId())
                .map(topic -> answers.answer(topic, null, inquiry.message().text(), 1.0, List.of()));
    }
}
