package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.satisfaction.RatingOffers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    @Override
    @Transactional
    public List<Claim> claimAll(List<Request> requests) {
        // ConversationStore updates sessions in the order of their keys; so does this.
        List<String> keys = new ArrayList<>(requests.size());
        List<Integer> order = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            keys.add(SessionKeys.of(requests.get(i).channel(), requests.get(i).sessionId()));
            order.add(i);
        }
        order.sort(Comparator.comparing(keys::get));
        Claim[] claims = new Claim[requests.size()];
        for (int i : order) {
            claims[i] = claim(keys.get(i), requests.get(i).topicId());
        }
        return List.of(claims);
    }

    @Override
    public void checkSession(String sessionId) {
        ChatRequestValidator.validateSessionId(sessionId);
    }

    /**
     * One statement marks the topic rated, so of two presses at once only one gets CLAIMED: the other's update
     * waits for the first to commit and then finds it rated. Joins the storing transaction when there is one.
     */
    @Override
    @Transactional
    public Claim claim(Channel channel, String sessionId, String topicId) {
        return claim(SessionKeys.of(channel, sessionId), topicId);
    }

    private Claim claim(String key, String topicId) {
        if (sessions.markSatisfactionRated(key, topicId) == 1) {
            return Claim.CLAIMED;
        }
        boolean rated = sessions.findById(key)
                .map(s -> TopicIdList.contains(s.satisfactionRated(), topicId)).orElse(false);
        return rated ? Claim.ALREADY_RATED : Claim.NOT_OFFERED;
    }
}
