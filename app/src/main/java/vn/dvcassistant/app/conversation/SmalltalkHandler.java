package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

import java.util.Optional;

/**
 * Greetings, thanks, help (each offering popular topics), "chuyển câu hỏi" (the last unanswered question becomes
 * a tracked question for staff, {@link HandoffQuestions}) and "góp ý" (the next message is taken as a comment, by {@link CommentCaptureHandler}).
 */
@Singleton
final class SmalltalkHandler implements IntentHandler {

    private final Messages messages;
    private final PopularTopics popular;
    private final HandoffQuestions handoffs;

    SmalltalkHandler(Messages messages, PopularTopics popular, HandoffQuestions handoffs) {
        this.messages = messages;
        this.popular = popular;
        this.handoffs = handoffs;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        return inquiry.smalltalk().flatMap(kind -> switch (kind) {
            case GREETING -> Optional.of(menu("chat.greeting"));
            case THANKS -> Optional.of(menu("chat.thanks"));
            case HELP -> Optional.of(menu("chat.help"));
            case HANDOFF -> Optional.of(handoffs.handOver(inquiry).orElseGet(() -> menu("chat.handoff.nothing")));
            case COMMENT -> Optional.of(Decision.awaitingComment(messages.get("chat.comment.ask")));
            default -> Optional.empty();
        });
    }

    private Decision menu(String textKey) {
        return Decision.menu(messages.get(textKey), popular.suggestions());
    }
}
