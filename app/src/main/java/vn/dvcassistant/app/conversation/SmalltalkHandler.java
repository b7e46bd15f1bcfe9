package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

import java.util.Optional;

/**
 * Greetings, thanks, help (each offering popular topics), "chuyển câu hỏi" (the last unanswered question is
 * passed to staff) and "góp ý" (the next message is taken as a comment, by {@link CommentCaptureHandler}).
 */
@Singleton
final class SmalltalkHandler implements IntentHandler {

    private final Messages messages;
    private final PopularTopics popular;
    private final ExchangeRepository exchanges;

    SmalltalkHandler(Messages messages, PopularTopics popular, ExchangeRepository exchanges) {
        this.messages = messages;
        this.popular = popular;
        this.exchanges = exchanges;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        return inquiry.smalltalk().flatMap(kind -> switch (kind) {
            case GREETING -> Optional.of(menu("chat.greeting"));
            case THANKS -> Optional.of(menu("chat.thanks"));
            case HELP -> Optional.of(menu("chat.help"));
            case HANDOFF -> Optional.of(handoff(inquiry.session()));
            case COMMENT -> Optional.of(Decision.awaitingComment(messages.get("chat.comment.ask")));
            default -> Optional.empty();
        });
    }

    private Decision handoff(ConversationSession session) {
        if (ReplyKind.FALLBACK.wire().equals(session.lastKind()) && session.lastExchangeId() != null) {
            exchanges.markHandoffRequested(session.lastExchangeId());
            return Decision.smalltalk(messages.get("chat.handoff.done"));
        }
        return menu("chat.handoff.nothing");
    }

    private Decision menu(String textKey) {
        return Decision.menu(messages.get(textKey), popular.suggestions());
    }
}
