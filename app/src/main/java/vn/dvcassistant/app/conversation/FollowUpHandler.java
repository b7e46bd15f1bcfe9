package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.List;
import java.util.Optional;

/**
 * Follow-up questions about the previous answer's topic ("lệ phí bao nhiêu?", "cần giấy tờ gì?"): the
 * one place that decides when a question is answered from the session's last topic instead of a search.
 * Two rules:
 * <ul>
 *   <li>{@link #decide}: the message is nothing but a facet question: answered from the last topic without
 *       searching;</li>
 *   <li>{@link #fromPreviousTopic}: a facet question the search could not answer on its own (called by
 *       {@link SearchHandler} before it asks to clarify or falls back).</li>
 * </ul>
 * Both report the configured follow-up confidence ({@code dvc.conversation.follow-up-confidence}).
 */
@Singleton
final class FollowUpHandler implements IntentHandler {

    private final KnowledgeBase knowledgeBase;
    private final AnswerDecisions answers;
    private final ConversationSettings settings;

    FollowUpHandler(KnowledgeBase knowledgeBase, AnswerDecisions answers, ConversationSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.answers = answers;
        this.settings = settings;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        return inquiry.facet().filter(facet -> facet.isWholeQuestion(inquiry.folded()))
                .flatMap(facet -> fromPreviousTopic(inquiry));
    }

    /** The facet asked about, answered from the session's last topic; empty without either. */
    Optional<Decision> fromPreviousTopic(Inquiry inquiry) {
        Optional<Facet> facet = inquiry.facet();
        if (facet.isEmpty()) {
            return Optional.empty();
        }
        Optional<Topic> lastTopic = Optional.ofNullable(inquiry.session().lastTopicId()).flatMap(knowledgeBase::topic);
        return lastTopic.map(topic -> answers.answer(topic, facet.get(), inquiry.message().text(),
                settings.followUpConfidence(), List.of()));
    }
}
