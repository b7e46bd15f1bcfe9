package vn.dvcassistant.app.channel;

import vn.dvcassistant.app.conversation.AnswerParts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The parts of an answer a chat offers as buttons under the short answer, in the order they are offered.
 * A button's label is the question it asks: "Lệ phí" on the topic is the engine's fee follow-up. The codes
 * are the engine's {@code focus} names.
 */
enum AnswerPart {
    STEPS("steps"),
    DOCUMENTS("documents"),
    FEE("fee"),
    TIME("time"),
    AUTHORITY("authority");

    private final String code;

    AnswerPart(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The key of its label in the message bundle. */
    String labelKey() {
        return "channel.part." + code;
    }

    /** Whether the entry states this part; an information topic states no fee, time or place. */
    boolean presentIn(AnswerParts parts) {
        return switch (this) {
            case STEPS -> !parts.steps().isEmpty();
            case DOCUMENTS -> !parts.documents().isEmpty();
            case FEE -> parts.fee() != null;
            case TIME -> parts.processingTime() != null;
            case AUTHORITY -> parts.authority() != null;
        };
    }

    static Optional<AnswerPart> fromCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
