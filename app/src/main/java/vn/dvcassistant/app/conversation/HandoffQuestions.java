package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentChatSessions;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.HandoffSubmission;
import vn.dvcassistant.app.comments.SubmittedComment;
import vn.dvcassistant.app.comments.TrackingPageLinks;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.Optional;

/**
 * "Chuyển câu hỏi" (typed, or the button under a fallback): the question the assistant just could not answer
 * becomes a tracked question with a code, in the staff queue of the agency its text is about. The chat's address
 * is kept only with consent, for the answer to come back there; otherwise the answer is on the tracking page.
 */
@Singleton
final class HandoffQuestions {

    private final CommentService comments;
    private final CommentChatSessions chatSessions;
    private final ExchangeRepository exchanges;
    private final KnowledgeBase knowledgeBase;
    private final TrackingPageLinks links;
    private final Messages messages;

    private final SubscribedCommunes subscribedCommunes;

    HandoffQuestions(CommentService comments, CommentChatSessions chatSessions, ExchangeRepository exchanges,
                     KnowledgeBase knowledgeBase, TrackingPageLinks links, Messages messages,
                     SubscribedCommunes subscribedCommunes) {
        this.subscribedCommunes = subscribedCommunes;
        this.comments = comments;
        this.chatSessions = chatSessions;
        this.exchanges = exchanges;
        this.knowledgeBase = knowledgeBase;
        this.links = links;
        this.messages = messages;
    }

    /** Empty when the last reply was not a fallback: there is no unanswered question to hand over. */
    Optional<Decision> handOver(Inquiry inquiry) {
        ConversationSession session = inquiry.session();
        if (!ReplyKind.FALLBACK.wire().equals(session.lastKind()) || session.lastExchangeId() == null) {
            return Optional.empty();
        }
        Optional<Exchange> unanswered = exchanges.findById(session.lastExchangeId())
                .filter(e -> !e.question().isBlank());
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        exchanges.markHandoffRequested(unanswered.get().id());
        IncomingMessage message = inquiry.message();
        Field hint = Optional.ofNullable(session.lastTopicId()).flatMap(knowledgeBase::topic).map(Topic::field)
                .orElse(null);
        boolean consent = session.consentGiven();
        String replyTo = consent && message.channel() != Channel.WEB ? message.chatId() : null;
        String commune = message.channel() == Channel.WEB ? null
                : subscribedCommunes.of(message.channel(), message.sessionId()).orElse(null);
        SubmittedComment question = comments.handOver(new HandoffSubmission(unanswered.get().question(),
                message.channel(), hint, consent, replyTo, commune));
        // Also without consent: "xóa dữ liệu" in this chat must reach the question, and staff read the conversation.
        chatSessions.link(question.code(), session.id());
        StringBuilder text = new StringBuilder(question.message()).append("\n\n");
        if (replyTo != null) {
            text.append(messages.get("handoff.answerInChat")).append(' ');
        }
        text.append(messages.get("chat.comment.track", question.code(), question.trackingUrl()));
        return Optional.of(Decision.handedOver(text.toString(),
                new ChatReply.Handoff(question.code(), links.of(question.code()))));
    }
}
