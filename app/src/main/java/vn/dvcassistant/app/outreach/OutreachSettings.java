package vn.dvcassistant.app.outreach;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * {@code dvc.outreach}: announcements (campaigns) and reminders.
 *
 * @param sendRate           messages per second one instance sends at most (Telegram allows about 30 per second
 *                           for a bot in all; DVC_CAMPAIGN_SEND_RATE)
 * @param sendThreads        messages in flight at once per instance, so network latency does not cap the rate
 * @param pollInterval       how often each instance looks for due campaigns, pending messages and reminders
 * @param claimLease         how long a claimed batch is this instance's; a crashed instance's claim runs out then
 * @param batch              messages claimed at once
 * @param maxPerDay          campaigns that may start sending per day in the province (DVC_CAMPAIGN_MAX_PER_DAY)
 * @param allowedLinkDomains domains a campaign's text may link to (the service's own address is always allowed)
 * @param zaloWindow         Zalo: send to followers who wrote within this (free within 48 h, paid up to 7 days;
 *                           DVC_CAMPAIGN_ZALO_WINDOW); others are counted as blocked by Zalo's rules
 * @param reminderLeadDays   a reminder is sent this many days before the deadline (DVC_REMINDER_LEAD_DAYS)
 */
@ConfigurationProperties("dvc.outreach")
public record OutreachSettings(@Bindable(defaultValue = "25") double sendRate,
                               @Bindable(defaultValue = "4") int sendThreads,
                               @Bindable(defaultValue = "5s") Duration pollInterval,
                               @Bindable(defaultValue = "5m") Duration claimLease,
                               @Bindable(defaultValue = "100") int batch,
                               @Bindable(defaultValue = "3") int maxPerDay,
                               @Bindable(defaultValue = "dichvucong.gov.vn") List<String> allowedLinkDomains,
                               @Bindable(defaultValue = "48h") Duration zaloWindow,
                               @Bindable(defaultValue = "7") int reminderLeadDays) {

    public OutreachSettings {
        if (sendRate <= 0 || sendRate > 30) {
            throw new IllegalArgumentException("DVC_CAMPAIGN_SEND_RATE must be more than 0 and at most 30 (Telegram's "
                    + "limit for a bot), got " + sendRate);
        }
        if (sendThreads < 1 || batch < 1 || maxPerDay < 0 || reminderLeadDays < 0) {
            throw new IllegalArgumentException("dvc.outreach: threads and batch must be at least 1, caps not negative");
        }
        if (zaloWindow.isNegative() || zaloWindow.isZero() || zaloWindow.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("DVC_CAMPAIGN_ZALO_WINDOW must be more than 0 and at most 7d (Zalo's "
                    + "limit), got " + zaloWindow);
        }
        allowedLinkDomains = List.copyOf(allowedLinkDomains);
    }
}
