package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.privacy.ErasureRequests;

import java.time.Instant;
import java.util.Optional;

/**
 * "xóa dữ liệu" asks to confirm; "xác nhận xóa" within the confirmation window erases the session's
 * personal data (the engine erases once the exchange is stored, so that message goes too).
 */
@Singleton
final class ErasureHandler implements IntentHandler {

    private final Messages messages;
    private final ErasureRequests erasureRequests;

    ErasureHandler(Messages messages, ErasureRequests erasureRequests) {
        this.messages = messages;
        this.erasureRequests = erasureRequests;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        return inquiry.smalltalk().flatMap(kind -> switch (kind) {
            case ERASE_REQUEST -> {
                erasureRequests.ask(inquiry.session().id(), Instant.now());
                yield Optional.of(Decision.smalltalk(messages.get("privacy.erase.ask")));
            }
            case ERASE_CONFIRM -> Optional.of(erasureRequests.isPending(inquiry.session().id(), Instant.now())
                    ? Decision.erasing(messages.get("privacy.erase.done"))
                    : Decision.smalltalk(messages.get("privacy.erase.nothing")));
            default -> Optional.empty();
        });
    }
}
