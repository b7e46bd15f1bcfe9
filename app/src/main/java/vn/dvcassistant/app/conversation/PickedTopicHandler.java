package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.List;
import java.util.Optional;

/**
 * A suggestion the citizen picked (clarify, menu), or a part of an answer asked with its button ("Lệ phí" under
 * the short answer about a topic): answered about that topic, with full confidence. A picked suggestion's text is
 * the topic's title, so a facet word inside a title ("... trực tuyến") never narrows the answer to one part.
 */
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
                .map(topic -> answers.answer(topic, partAsked(inquiry, topic), inquiry.message().text(), 1.0,
                        List.of()));
    }

    private static Facet partAsked(Inquiry inquiry, Topic topic) {
        return inquiry.message().text().equals(topic.title()) ? null : inquiry.facet().orElse(null);
    }
}
