package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

import java.util.Optional;

/**
 * "đồng ý" / "không đồng ý" typed in the chat: consent to store personal data (Law 91/2025/QH15). A "không"
 * is a refusal only after the question was asked or consent given; otherwise it is an ordinary message.
 */
@Singleton
final class ConsentHandler implements IntentHandler {

    private final Messages messages;
    private final PopularTopics popular;

    ConsentHandler(Messages messages, PopularTopics popular) {
        this.messages = messages;
        this.popular = popular;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        return inquiry.smalltalk().flatMap(kind -> switch (kind) {
            case CONSENT_GIVEN -> Optional.of(consent("chat.consent.given", ConversationSession.CONSENT_GIVEN));
            case CONSENT_REFUSED -> ConversationSession.CONSENT_ASKED.equals(inquiry.session().consent())
                    || ConversationSession.CONSENT_GIVEN.equals(inquiry.session().consent())
                    ? Optional.of(consent("chat.consent.refused", ConversationSession.CONSENT_REFUSED))
                    : Optional.empty();
            default -> Optional.empty();
        });
    }

    private Decision consent(String textKey, String consent) {
        return Decision.consent(messages.get(textKey), popular.suggestions(), consent);
    }
}
