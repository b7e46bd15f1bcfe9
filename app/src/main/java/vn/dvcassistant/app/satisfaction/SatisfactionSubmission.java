package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A citizen's rating of a procedure they used, as sent to {@code POST /api/v1/satisfaction} (codes
 * as text, so that a wrong one gets a precise error instead of a generic one).
 *
 * @param level   rat_hai_long | hai_long | khong_hai_long
 * @param agency  the agency code from {@code dvc.agencies}, optional
 * @param channel web | telegram | zalo | survey | assisted
 * @param sessionId the web chat session that offered the rating: required for channel web; the rating
 *                  counts only if that session was offered this procedure, and only once
 * @param token     the signed token of a printed survey's QR code or link: required for channel survey
 */
@Serdeable
public record SatisfactionSubmission(
        @Nullable String topicId,
        @Nullable String level,
        @Nullable String agency,
        @Nullable String channel,
        @Nullable String comment,
        @Nullable String sessionId,
        @Nullable String token) {

    /** A rating whose origin the caller has already checked (survey page, channel buttons, volunteers). */
    public SatisfactionSubmission(String topicId, String level, String agency, String channel, String comment) {
        this(topicId, level, agency, channel, comment, null, null);
    }
}
