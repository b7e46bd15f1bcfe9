package vn.dvcassistant.app.channel;

import vn.dvcassistant.app.satisfaction.SatisfactionLevel;

import java.util.Optional;
import java.util.UUID;

/**
 * What a button under one of our replies does, written into its data (at most 64 bytes, Telegram's
 * callback_data limit): {@code rate:up:<answer id>}, {@code rate:down:<answer id>}, {@code topic:<topic id>},
 * {@code consent:yes}, {@code consent:no}, {@code sat:<level code>:<topic id>} (at most 19 + 28 bytes),
 * {@code part:<part>:<topic id>} (one part of an answer: steps, documents, fee, time, authority).
 */
sealed interface ButtonAction {

    record Rate(UUID messageId, boolean helpful) implements ButtonAction {
    }

    record PickTopic(String topicId) implements ButtonAction {
    }

    record Consent(boolean given) implements ButtonAction {
    }

    /** A procedure rated on the official scale (Decision 1588 satisfaction). */
    record Satisfaction(SatisfactionLevel level, String topicId) implements ButtonAction {
    }

    /** One part of the answer about a topic ("Lệ phí"), asked as a follow-up on that topic. */
    record Part(AnswerPart part, String topicId) implements ButtonAction {
    }

    static String part(AnswerPart part, String topicId) {
        return "part:" + part.code() + ":" + topicId;
    }

    static String rate(UUID messageId, boolean helpful) {
        return "rate:" + (helpful ? "up" : "down") + ":" + messageId;
    }

    static String topic(String topicId) {
        return "topic:" + topicId;
    }

    static String consent(boolean given) {
        return "consent:" + (given ? "yes" : "no");
    }

    static String satisfaction(SatisfactionLevel level, String topicId) {
        return "sat:" + level.code() + ":" + topicId;
    }

    /** Empty for data we never wrote (an old keyboard, a forged callback). */
    static Optional<ButtonAction> parse(String data) {
        if (data == null) {
            return Optional.empty();
        }
        if (data.startsWith("rate:up:") || data.startsWith("rate:down:")) {
            boolean helpful = data.startsWith("rate:up:");
            try {
                return Optional.of(new Rate(UUID.fromString(data.substring(helpful ? 8 : 10)), helpful));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (data.startsWith("topic:") && data.length() > 6) {
            return Optional.of(new PickTopic(data.substring(6)));
        }
        if (data.startsWith("sat:")) {
            int colon = data.indexOf(':', 4);
            if (colon < 0 || colon == data.length() - 1) {
                return Optional.empty();
            }
            return SatisfactionLevel.fromCode(data.substring(4, colon))
                    .map(level -> new Satisfaction(level, data.substring(colon + 1)));
        }
        if (data.startsWith("part:")) {
            int colon = data.indexOf(':', 5);
            if (colon < 0 || colon == data.length() - 1) {
                return Optional.empty();
            }
            return AnswerPart.fromCode(data.substring(5, colon)).map(part -> new Part(part, data.substring(colon + 1)));
        }
        if (data.equals("consent:yes") || data.equals("consent:no")) {
            return Optional.of(new Consent(data.equals("consent:yes")));
        }
        return Optional.empty();
    }
}
