package vn.dvcassistant.app.outreach;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;

import java.util.List;

/** This instance's campaign sending, every poll interval until nothing is left to send. */
@Singleton
final class CampaignScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignScheduler.class);

    private final CampaignSending sending;
    private volatile boolean stopped;

    CampaignScheduler(Deliveries deliveries, CampaignStore campaigns, CampaignMessage message,
                      List<OutboundChannel> channels, ZaloChatWindow zaloWindow, Subscriptions subscriptions,
                      OutreachSettings settings, ZaloNotices zaloNotices) {
        this.sending = new CampaignSending(deliveries, campaigns, message, channels, zaloWindow, subscriptions,
                settings, zaloNotices);
    }

    @Scheduled(fixedDelay = "${dvc.outreach.poll-interval:5s}", initialDelay = "${dvc.outreach.poll-interval:5s}")
    void run() {
        try {
            while (!stopped && sending.runOnce() > 0) {
                // Keep going while there is work; the pace, not the poll interval, sets the rate.
            }
        } catch (RuntimeException e) {
            // The database may be out of reach; the next round tries again, claims make that safe.
            LOG.warn("campaign_round_failed error={}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        sending.close();
    }
}
