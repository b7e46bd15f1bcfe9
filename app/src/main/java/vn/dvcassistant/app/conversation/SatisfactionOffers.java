package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.satisfaction.RatingOffers;

/**
 * Keeps a chat's satisfaction buttons to one rating per procedure and session: the engine remembers
 * which procedures it offered to rate ({@link ConversationSession#satisfactionOffered()}), and a button
 * press counts only for one of those, once. Only topic ids are kept, never the level chosen.
 */
@Singleton
public class SatisfactionOffers implements RatingOffers {

    private final SessionRepository sessions;

    SatisfactionOffers(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * Committed before the rating is stored, so a concurrent second press sees it. A session id that
     * is missing or malformed is refused with the chat's own error codes.
     */
    @Override
    @Transactional
    public Claim claim(Channel channel, String sessionId, String topicId) {
        ChatRequestValidator.validateSessionId(sessionId);
        String key = SessionKeys.of(channel, sessionId);
        if (sessions.markSatisfactionRated(key, topicId) == 1) {
            return Claim.CLAIMED;
        }
        boolean rated = sessions.findById(key)
                .map(s -> TopicIdList.contains(s.satisfactionRated(), topicId)).orElse(false);
        return rated ? Claim.ALREADY_RATED : Claim.NOT_OFFERED;
    }

    /** Gives a claim back when its rating could not be stored. */
    @Override
    @Transactional
    public void release(Channel channel, String sessionId, String topicId) {
        sessions.unmarkSatisfactionRated(SessionKeys.of(channel, sessionId), topicId);
    }
}
