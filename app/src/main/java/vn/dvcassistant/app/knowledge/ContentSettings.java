package vn.dvcassistant.app.knowledge;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code dvc.content}.
 *
 * @param review       a draft is published only when another staff member approves it (DVC_CONTENT_REVIEW);
 *                     false lets a one-person province approve its own drafts
 * @param pollInterval how often each instance checks whether content was published elsewhere
 *                     (DVC_CONTENT_POLL_INTERVAL); publication reaches it within this plus the index build
 */
@ConfigurationProperties("dvc.content")
public record ContentSettings(@Bindable(defaultValue = "true") boolean review,
                              @Bindable(defaultValue = "1s") Duration pollInterval) {
}
