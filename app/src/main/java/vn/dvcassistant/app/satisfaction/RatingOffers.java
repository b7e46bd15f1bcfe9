package vn.dvcassistant.app.satisfaction;

import vn.dvcassistant.channel.Channel;

/**
 * Which procedures a chat session was offered to rate, so that a rating from a chat counts once, and only
 * for a procedure the assistant offered. The conversation keeps the offers (it makes them); this feature
 * only asks, so satisfaction does not depend on the conversation.
 */
public interface RatingOffers {

    enum Claim {
        /** Offered and not rated before: store the rating. */
        CLAIMED,
        /** This session already rated the procedure. */
        ALREADY_RATED,
        /** Never offered in this session (an old or forged button, or the session was erased). */
        NOT_OFFERED
    }

    /** Claims the one rating of {@code topicId} in the session; committed before the rating is stored. */
    Claim claim(Channel channel, String sessionId, String topicId);

    /** Gives a claim back when its rating could not be stored. */
    void release(Channel channel, String sessionId, String topicId);
}
