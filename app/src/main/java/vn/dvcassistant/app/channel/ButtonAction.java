package vn.dvcassistant.app.channel;

import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;

import java.util.Optional;
import java.util.UUID;

/**
 * What a button under one of our replies does, written into its data (at most 64 bytes, Telegram's
 * callback_data limit): {@code rate:up:<answer id>}, {@code rate:down:<answer id>}, {@code topic:<topic id>},
 * {@code consent:yes}, {@code consent:no}, and the three steps of rating a procedure:
 * {@code did:y:<topic id>} / {@code did:n:<topic id>} (did you do it?), {@code sat:<level code>:<topic id>}
 * (at most 19 + 28 bytes), {@code sa:<level number>:<topic id>:<agency code or ->} (where?),
 * {@code sk:<level number>:<topic id>:<kind code>} (a commune-level kind: the citizen types their commune next),
 * {@code part:<part>:<topic id>} (one part of an answer: steps, documents, fee, time, authority), and
 * {@code handoff} (hand the question just left unanswered over to staff).
 */
sealed interface ButtonAction {

    record Rate(UUID messageId, boolean helpful) implements ButtonAction {
    }

    record PickTopic(String topicId) implements ButtonAction {
    }

    record Consent(boolean given) implements ButtonAction {
    }

    /** A procedure rated on the official scale (Decision 1588 satisfaction); the agency is asked next. */
    record Satisfaction(SatisfactionLevel level, String topicId) implements ButtonAction {
    }

    /** The answer to "did you do this procedure?", asked before the levels. */
    record Did(boolean done, String topicId) implements ButtonAction {
    }

    /** The last step of a rating: where the procedure was done; {@code agency} null for "Không nhớ". */
    record SatisfactionAgency(SatisfactionLevel level, String topicId, String agency) implements ButtonAction {
    }

    /** "UBND xã/phường" or "Công an xã/phường" chosen where the communes are loaded: the commune is asked next. */
    record SatisfactionCommune(SatisfactionLevel level, String topicId, AgencyKind kind) implements ButtonAction {
    }

    static String satisfactionCommune(SatisfactionLevel level, String topicId, AgencyKind kind) {
        return "sk:" + (level.ordinal() + 1) + ":" + topicId + ":" + kind.code();
    }

    static String did(boolean done, String topicId) {
        return "did:" + (done ? "y" : "n") + ":" + topicId;
    }

    static String satisfactionAgency(SatisfactionLevel level, String topicId, String agency) {
        return "sa:" + (level.ordinal() + 1) + ":" + topicId + ":" + (agency == null ? "-" : agency);
    }

    /** One part of the answer about a topic ("Lệ phí"), asked as a follow-up on that topic. */
    record Part(AnswerPart part, String topicId) implements ButtonAction {
    }

    /** "Chuyển câu hỏi cho cán bộ" under a fallback: the same as typing it. */
    record Handoff() implements ButtonAction {
    }

    String HANDOFF = "handoff";

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
        if ((data.startsWith("did:y:") || data.startsWith("did:n:")) && data.length() > 6) {
            return Optional.of(new Did(data.charAt(4) == 'y', data.substring(6)));
        }
        if (data.startsWith("sa:")) {
            String[] parts = data.split(":", -1);
            if (parts.length != 4 || parts[1].length() != 1 || parts[2].isEmpty() || parts[3].isEmpty()) {
                return Optional.empty();
            }
            int level = parts[1].charAt(0) - '1';
            if (level < 0 || level >= SatisfactionLevel.values().length) {
                return Optional.empty();
            }
            return Optional.of(new SatisfactionAgency(SatisfactionLevel.values()[level], parts[2],
                    "-".equals(parts[3]) ? null : parts[3]));
        }
        if (data.startsWith("sk:")) {
            String[] parts = data.split(":", -1);
            if (parts.length != 4 || parts[1].length() != 1 || parts[2].isEmpty()) {
                return Optional.empty();
            }
            int level = parts[1].charAt(0) - '1';
            Optional<AgencyKind> kind = AgencyKind.fromCode(parts[3]).filter(AgencyKind::communeLevel);
            if (level < 0 || level >= SatisfactionLevel.values().length || kind.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SatisfactionCommune(SatisfactionLevel.values()[level], parts[2], kind.get()));
        }
        if (data.startsWith("part:")) {
            int colon = data.indexOf(':', 5);
            if (colon < 0 || colon == data.length() - 1) {
                return Optional.empty();
            }
            return AnswerPart.fromCode(data.substring(5, colon)).map(part -> new Part(part, data.substring(colon + 1)));
        }
        if (data.equals(HANDOFF)) {
            return Optional.of(new Handoff());
        }
        if (data.equals("consent:yes") || data.equals("consent:no")) {
            return Optional.of(new Consent(data.equals("consent:yes")));
        }
        return Optional.empty();
    }
}
