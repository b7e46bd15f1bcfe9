package vn.dvcassistant.app.satisfaction;

import vn.dvcassistant.channel.Channel;

import java.util.List;

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

    /** Refuses a session id that is missing or malformed, with the chat's own error codes; before anything is stored. */
    void checkSession(String sessionId);

    /**
     * Claims the one rating of {@code topicId} in the session. Run in the transaction that stores the rating
     * ({@link SatisfactionWriter}), so the claim and the rating commit together: an instance that dies between
     * the two cannot leave a claimed procedure without its rating (a retry would be told "already rated").
     */
    Claim claim(Channel channel, String sessionId, String topicId);

    /** One claim of {@link #claimAll}. */
    record Request(Channel channel, String sessionId, String topicId) {
    }

    /**
     * {@link #claim} for each request, in the order the conversation writes its session rows, so a batch of
     * ratings and a batch of exchanges never wait for each other's rows in a cycle; results in the order given.
     */
    List<Claim> claimAll(List<Request> requests);
}
