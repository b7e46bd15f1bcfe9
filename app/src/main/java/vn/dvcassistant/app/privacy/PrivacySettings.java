package vn.dvcassistant.app.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code dvc.privacy}.
 *
 * @param retentionDays     citizens' words and contact details older than this are erased (DVC_RETENTION_DAYS)
 * @param retentionInterval how often the retention job runs (DVC_RETENTION_INTERVAL); read by its schedule
 * @param unconsentedTextRetention questions stored while the conversation had no consent (the first question,
 *                  before the consent question is answered, and everything after a refusal) are emptied after
 *                  this (DVC_UNCONSENTED_TEXT_RETENTION)
 */
@ConfigurationProperties("dvc.privacy")
public record PrivacySettings(@Bindable(defaultValue = "365") int retentionDays,
                              @Bindable(defaultValue = "1h") Duration retentionInterval,
                              @Bindable(defaultValue = "24h") Duration unconsentedTextRetention) {
}
