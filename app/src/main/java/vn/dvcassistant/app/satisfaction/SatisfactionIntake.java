package vn.dvcassistant.app.satisfaction;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.channel.Channel;

/**
 * Ratings sent to the public API. One that names the web chat session it was offered in counts only
 * for a procedure that session was offered, and only once, as the Telegram and Zalo buttons do
 * ({@link RatingOffers}): otherwise pressing the chat's buttons again, or reloading the page,
 * would count the same citizen twice in the 1588 figure. Ratings without a session (the survey page a
 * one-stop desk prints, other clients) are recorded as they come, within the rate limits.
 */
@Singleton
final class SatisfactionIntake {

    private final SatisfactionRecorder recorder;
    private final RatingOffers offers;

    SatisfactionIntake(SatisfactionRecorder recorder, RatingOffers offers) {
        this.recorder = recorder;
        this.offers = offers;
    }

    RecordedSatisfaction record(SatisfactionSubmission submission) {
        String session = submission.sessionId();
        if (session == null) {
            return recorder.record(submission);
        }
        if (submission.channel() != null && !Channel.WEB.code().equals(submission.channel())) {
            throw Refusal.invalid("session_only_for_web");
        }
        // A wrong value is a 400 whatever the session, so it is checked before the session is.
        SatisfactionRecorder.ValidRating rating = recorder.validate(submission);
        String topic = rating.topic().id();
        switch (offers.claim(Channel.WEB, session, topic)) {
            case NOT_OFFERED -> throw Refusal.conflict("satisfaction_not_offered");
            case ALREADY_RATED -> throw Refusal.conflict("already_rated");
            case CLAIMED -> {
                // Stored below.
            }
        }
        try {
            return recorder.store(rating);
        } catch (RuntimeException e) {
            // Not stored: the citizen may press again.
            offers.release(Channel.WEB, session, topic);
            throw e;
        }
    }
}
