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
 * @param sessionId the web chat session that offered the rating, optional: with it, the rating counts
 *                  only if that session was offered this procedure, and only once
 */
@Serdeable
public record SatisfactionSubmission(
        @Nullable String topicId,
        @Nullable String level,
        @Nullable String agency,
        @Nullable String channel,
        @Nullable String comment,
        @Nullable String sessionId) {

    /** A rating from outside a chat (survey page, API, channel buttons that checked their own offer). */
    public SatisfactionSubmission(String topicId, String level, String agency, String channel, String comment) {
        this(topicId, level, agency, channel, comment, null);
    }
}
