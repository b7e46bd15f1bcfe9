package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;

import java.util.Optional;

/** "bổ sung GY-7K3M9Q ...": information the agency asked for about a comment ({@link CommentSupplements}). */
@Singleton
final class SupplementHandler implements IntentHandler {

    private final CommentSupplements supplements;

    SupplementHandler(CommentSupplements supplements) {
        this.supplements = supplements;
    }

    @Override
    public Optional<Decision> decide(Inquiry inquiry) {
        if (!inquiry.typed()) {
            return Optional.empty();
        }
        return supplements.reply(inquiry.message()).map(r -> Decision.aboutComment(r.text(), r.commentCode()));
    }
}
