package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * What the assistant remembers about one conversation between messages.
 *
 * @param id      SHA-256 of channel and the client's session id (see {@link SessionKeys})
 * @param consent unknown, asked, given or refused (Law 91/2025/QH15: silence is not consent)
 * @param awaitingComment the assistant asked for a comment: the next message is submitted as one
 * @param satisfactionOffered topic ids (comma-separated) whose satisfaction rating was already offered
 * @param satisfactionRated   topic ids (comma-separated) rated from a chat button; see {@link SatisfactionOffers}
 */
@MappedEntity("conversation_session")
public record ConversationSession(
        @Id String id,
        String channel,
        String consent,
        @Nullable Instant consentAt,
        boolean noticeShown,
        @Nullable String lastTopicId,
        @Nullable String lastKind,
        @Nullable UUID lastExchangeId,
        Instant createdAt,
        Instant updatedAt,
        boolean awaitingComment,
        String satisfactionOffered,
        String satisfactionRated) {

    public static final String CONSENT_UNKNOWN = "unknown";
    public static final String CONSENT_ASKED = "asked";
    public static final String CONSENT_GIVEN = "given";
    public static final String CONSENT_REFUSED = "refused";

    static ConversationSession start(String id, Channel channel, Instant now) {
        return new ConversationSession(id, channel.code(), CONSENT_UNKNOWN, null, false, null, null, null, now, now, false, "", "");
    }

    public boolean consentGiven() {
        return CONSENT_GIVEN.equals(consent);
    }

    ConversationSession withConsent(String value, Instant now) {
        return new ConversationSession(id, channel, value, now, noticeShown, lastTopicId, lastKind, lastExchangeId,
                createdAt, now, awaitingComment, satisfactionOffered, satisfactionRated);
    }

    ConversationSession afterExchange(Exchange exchange, boolean askedForConsent, boolean awaitComment) {
        String topic = exchange.topicId() != null && ReplyKind.ANSWER.wire().equals(exchange.kind())
                ? exchange.topicId() : lastTopicId;
        String newConsent = askedForConsent && CONSENT_UNKNOWN.equals(consent) ? CONSENT_ASKED : consent;
        return new ConversationSession(id, channel, newConsent, consentAt, true, topic, exchange.kind(),
                exchange.id(), createdAt, exchange.createdAt(), awaitComment, satisfactionOffered, satisfactionRated);
    }

    /** Citizens are asked once per procedure in a conversation, not after every answer about it. */
    boolean satisfactionOffered(String topicId) {
        return TopicIdList.contains(satisfactionOffered, topicId);
    }

    ConversationSession withSatisfactionOffered(String topicId) {
        return new ConversationSession(id, channel, consent, consentAt, noticeShown, lastTopicId, lastKind,
                lastExchangeId, createdAt, updatedAt, awaitingComment, TopicIdList.add(satisfactionOffered, topicId),
                satisfactionRated);
    }
}
