package vn.dvcassistant.app.satisfaction;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code dvc.feedback}: ratings, satisfaction and comments.
 *
 * @param zone           the province's time zone: a rating belongs to the local day it was given on
 * @param rollupInterval how often new satisfaction ratings are folded into the daily counts; the
 *                       statistics are exact in between (they add the rows not yet folded)
 */
@ConfigurationProperties("dvc.feedback")
public record FeedbackSettings(
        @Bindable(defaultValue = "Asia/Ho_Chi_Minh") ZoneId zone,
        @Bindable(defaultValue = "10s") Duration rollupInterval) {
}
