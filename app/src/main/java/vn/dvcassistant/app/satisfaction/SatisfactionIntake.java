package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.channel.Channel;

import java.util.Objects;

/**
 * Ratings sent to the public API. Every rating that counts must be traceable to how it was collected, or
 * anyone could write the 1588 figure:
 * <ul>
 *   <li>web: through the chat session that was offered the procedure, once ({@link RatingOffers}), so
 *       pressing the chat's buttons again or reloading the page does not count the same citizen twice;</li>
 *   <li>survey: with the signed token of a poster staff printed ({@link SurveyTokens}), for its procedure
 *       and agency;</li>
 *   <li>assisted: only from a logged-in volunteer or admin;</li>
 *   <li>telegram, zalo: only through their own chat buttons, never this API; periodic: only by import.</li>
 * </ul>
 */
@Singleton
final class SatisfactionIntake {

    private final SatisfactionRecorder recorder;
    private final RatingOffers offers;
    private final SurveyTokens tokens;

    SatisfactionIntake(SatisfactionRecorder recorder, RatingOffers offers, SurveyTokens tokens) {
        this.recorder = recorder;
        this.offers = offers;
        this.tokens = tokens;
    }

    /** @param requestKey the client's Idempotency-Key, stored with the rating so a retry never stores it twice */
    RecordedSatisfaction record(SatisfactionSubmission submission, @Nullable Authentication staff,
                                @Nullable String requestKey) {
        String session = submission.sessionId();
        Channel channel = Channel.fromCode(submission.channel()).orElse(null);
        if (session != null && channel != null && channel != Channel.WEB) {
            throw Refusal.invalid("session_only_for_web");
        }
        // A wrong value is a 400 whatever the origin, so it is checked before the origin is.
        SatisfactionRecorder.ValidRating rating = recorder.validate(submission);
        return switch (rating.channel()) {
            case WEB -> fromChat(rating, session, requestKey);
            case SURVEY -> fromPoster(rating, submission.token(), requestKey);
            case ASSISTED -> fromVolunteer(rating, staff, requestKey);
            default -> throw Refusal.forbidden("rating_channel_not_open");
        };
    }

    private RecordedSatisfaction fromChat(SatisfactionRecorder.ValidRating rating, @Nullable String session,
                                          @Nullable String requestKey) {
        if (session == null) {
            throw Refusal.forbidden("untraceable_rating");
        }
        offers.checkSession(session);
        // The session's offer is claimed in the rating's own transaction (409 when not offered or already rated).
        return recorder.store(rating, requestKey, new SatisfactionWriter.Offer(Channel.WEB, session));
    }

    private RecordedSatisfaction fromPoster(SatisfactionRecorder.ValidRating rating, @Nullable String token,
                                            @Nullable String requestKey) {
        if (token == null || token.isBlank()) {
            throw Refusal.invalid("missing_token");
        }
        SurveyTokens.Grant grant = tokens.verify(token.strip()).orElseThrow(() -> Refusal.forbidden("invalid_token"));
        if (!grant.topicId().equals(rating.topic().id())) {
            throw Refusal.forbidden("invalid_token");
        }
        // A poster printed for one agency rates that agency; one printed without lets the citizen name it.
        if (!grant.agency().isEmpty() && !Objects.equals(grant.agency(), rating.agencyCode())) {
            throw Refusal.forbidden("invalid_token");
        }
        return recorder.store(rating, requestKey);
    }

    private RecordedSatisfaction fromVolunteer(SatisfactionRecorder.ValidRating rating, @Nullable Authentication staff,
                                               @Nullable String requestKey) {
        if (staff == null) {
            throw Refusal.unauthorized("staff_login_required");
        }
        if (!staff.getRoles().contains(Roles.VOLUNTEER) && !staff.getRoles().contains(Roles.ADMIN)) {
            throw Refusal.forbidden("assisted_needs_volunteer");
        }
        return recorder.store(rating, requestKey);
    }
}
