package vn.dvcassistant.app.outreach;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;
import vn.dvcassistant.channel.zalo.ZaloSendOutcome;
import vn.dvcassistant.channel.zalo.ZaloSender;
import vn.dvcassistant.channel.zalo.ZaloTemplateMessage;
import vn.dvcassistant.kb.Deadline;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Sends the reminders that are due, in the daytime of the province (a reminder is not worth a message at
 * 2 a.m.). Each instance claims due rows, so two never send the same reminder. Telegram gets the message;
 * Zalo gets it while the citizen wrote within the window, else the province's approved reminder template
 * if one is configured, else it is counted as blocked by Zalo's rules.
 */
@Singleton
final class ReminderSending {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSending.class);
    static final LocalTime DAY_STARTS = LocalTime.of(7, 0);
    static final LocalTime DAY_ENDS = LocalTime.of(21, 0);
    private static final int BATCH = 50;

    private final Reminders reminders;
    private final KnowledgeBase knowledgeBase;
    private final List<OutboundChannel> channels;
    private final ZaloChatWindow zaloWindow;
    private final ZaloNotices zaloNotices;
    private final Messages messages;
    private final ProvinceClock clock;
    private final OutreachSettings settings;

    ReminderSending(Reminders reminders, KnowledgeBase knowledgeBase, List<OutboundChannel> channels,
                    ZaloChatWindow zaloWindow, ZaloNotices zaloNotices, Messages messages, ProvinceClock clock,
                    OutreachSettings settings) {
        this.reminders = reminders;
        this.knowledgeBase = knowledgeBase;
        this.channels = List.copyOf(channels);
        this.zaloWindow = zaloWindow;
        this.zaloNotices = zaloNotices;
        this.messages = messages;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${dvc.outreach.poll-interval:5s}", initialDelay = "${dvc.outreach.poll-interval:5s}")
    void run() {
        ZonedDateTime now = ZonedDateTime.now(clock.zone());
        if (now.toLocalTime().isBefore(DAY_STARTS) || !now.toLocalTime().isBefore(DAY_ENDS)) {
            return;
        }
        try {
            while (runOnce(now.toLocalDate()) > 0) {
                // Keep going while reminders are due.
            }
        } catch (RuntimeException e) {
            // The database may be out of reach; claims make the next round safe.
            LOG.warn("reminder_round_failed error={}", e.toString());
        }
    }

    /** Sends the reminders due on or before {@code today}; @return how many were handled */
    int runOnce(LocalDate today) {
        List<Reminders.Due> due = reminders.claimDue(today, BATCH, settings.claimLease());
        for (Reminders.Due reminder : due) {
            sendOne(reminder, today);
        }
        return due.size();
    }

    private void sendOne(Reminders.Due reminder, LocalDate today) {
        if (reminder.attempts() > CampaignSending.MAX_ATTEMPTS) {
            reminders.finish(reminder.id(), Reminders.FAILED, "gave_up");
            return;
        }
        Optional<Topic> topic = knowledgeBase.topic(reminder.topicId()).filter(t -> t.deadline() != null);
        if (topic.isEmpty()) {
            // The entry no longer states a deadline: never remind of one it does not state.
            reminders.finish(reminder.id(), Reminders.CANCELLED, "entry_changed");
            return;
        }
        Deliveries.Recipient recipient = reminders.recipient(reminder.sessionKey());
        if (recipient == null) {
            reminders.finish(reminder.id(), Reminders.CANCELLED, "no_consent");
            return;
        }
        Optional<? extends ReplySender> sender = channels.stream()
                .filter(c -> c.channel().code().equals(reminder.channel())).findFirst().flatMap(OutboundChannel::sender);
        if (sender.isEmpty()) {
            reminders.finish(reminder.id(), Reminders.FAILED, "channel_off");
            return;
        }
        Reply reply = message(topic.get(), reminder.deadline(), today);
        if (sender.get() instanceof ZaloSender zalo) {
            sendZalo(reminder, recipient, zalo, reply, topic.get());
            return;
        }
        SendResult result = sender.get().send(recipient.chatId(), reply);
        reminders.finish(reminder.id(), result.delivered() ? Reminders.SENT : Reminders.FAILED,
                result.delivered() ? null : CampaignSending.failure(result.failureReason()));
    }

    private void sendZalo(Reminders.Due reminder, Deliveries.Recipient recipient, ZaloSender zalo, Reply reply,
                          Topic topic) {
        if (recipient.unfollowed()) {
            reminders.finish(reminder.id(), Reminders.BLOCKED, "zalo_not_follower");
            return;
        }
        if (zaloWindow.wroteWithin(recipient.chatId(), settings.zaloWindow())) {
            ZaloSendOutcome outcome = zalo.deliver(recipient.chatId(), reply);
            if (outcome.delivered()) {
                reminders.finish(reminder.id(), Reminders.SENT, null);
                return;
            }
            if (!outcome.windowClosed()) {
                reminders.finish(reminder.id(), Reminders.FAILED, CampaignSending.failure(outcome.result().failureReason()));
                return;
            }
        }
        Optional<ZaloTemplateMessage> template = zaloNotices.reminder(topic.title(), reminder.deadline(), reminder.id());
        if (template.isEmpty()) {
            reminders.finish(reminder.id(), Reminders.BLOCKED, "zalo_window");
            return;
        }
        ZaloSendOutcome outcome = zalo.sendTemplate(recipient.chatId(), template.get());
        reminders.finish(reminder.id(), outcome.delivered() ? Reminders.SENT : Reminders.FAILED,
                outcome.delivered() ? "zalo_template" : CampaignSending.failure(outcome.result().failureReason()));
    }

    private Reply message(Topic topic, LocalDate due, LocalDate today) {
        Deadline deadline = topic.deadline();
        String text = messages.get("outreach.reminder.message", topic.title(), ZaloNotices.day(due),
                String.valueOf(ChronoUnit.DAYS.between(today, due)), deadline.length(), deadline.countsFrom(),
                deadline.quote());
        return Reply.text(text).withButtonRow(new Button(messages.get("outreach.button.seeGuide"), "topic:" + topic.id()));
    }
}
