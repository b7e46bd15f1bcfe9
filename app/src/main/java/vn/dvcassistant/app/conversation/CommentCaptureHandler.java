package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentChatSessions;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.comments.SubmittedComment;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.Optional;
import java.util.Set;

/**
 * The message after "góp ý" ({@link SmalltalkHandler} asks for it) is the comment, submitted to the comment
 * service. Contact (the chat to send the answer to) only with consent, like the channels' own contact store;
 * the web chat has no contact to give.
 */
@Singleton
final class CommentCaptureHandler implements IntentHandler {

    /** Typed instead of the awaited comment, they withdraw it. */
    private static final Set<String> CANCEL_COMMENT = Set.of("huy", "huy bo", "thoi", "thoi khong", "huy gop y",
            "khong gop y nua", "thoi khong gop y", "khong gop y");

    private final CommentService comments;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;
    private final CommentChatSessions chatSessions;

    private final SubscribedCommunes subscribedCommunes;

    CommentCaptureHandler(CommentService comments, KnowledgeBase knowledgeBase, Messages messages,
                          CommentChatSessions chatSessions, SubscribedCommunes subscribedCommunes) {
        this.subscribedCommunes = subscribedCommunes;
        this.comments = comments;
        this.chatSessions = chatSessions;
        this.knowledgeBase = knowledgeBase;
        this.messages = messages;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        if (!inquiry.session().awaitingComment() || !inquiry.typed()) {
            return Optional.empty();
        }
        if (CANCEL_COMMENT.contains(inquiry.folded().text())) {
            return Optional.of(Decision.smalltalk(messages.get("chat.comment.cancelled")));
        }
        IncomingMessage message = inquiry.message();
        ConversationSession session = inquiry.session();
        String field = Optional.ofNullable(session.lastTopicId()).flatMap(knowledgeBase::topic)
                .map(t -> t.field().code()).orElse(null);
        boolean consent = session.consentGiven();
        String replyTo = consent && message.channel() != Channel.WEB ? message.chatId() : null;
        // The previous topic is only a hint: the comment is routed by its own text first (CommentTextRouting).
        // The commune the chat subscribed for: a complaint about a commune's procedure goes to that commune.
        String commune = message.channel() == Channel.WEB ? null
                : subscribedCommunes.of(message.channel(), message.sessionId()).orElse(null);
        SubmittedComment submitted = comments.submit(new CommentSubmission(message.text(), null, null,
                message.channel().code(), consent, null, null, null, replyTo, field, commune));
        // Also without consent: "xóa dữ liệu" in this chat must reach the comment's text.
        chatSessions.link(submitted.code(), session.id());
        String text = submitted.message() + "\n\n" + messages.get("chat.comment.track", submitted.code(),
                submitted.trackingUrl());
        return Optional.of(Decision.aboutComment(text, submitted.code()));
    }
}
