package vn.dvcassistant.app.outreach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;
import vn.dvcassistant.channel.zalo.ZaloSendOutcome;
import vn.dvcassistant.channel.zalo.ZaloSender;
import vn.dvcassistant.channel.zalo.ZaloTemplateMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One instance's sending of campaigns: starts the due ones, sends the rows it claimed at the instance's
 * pace with a few messages in flight, and records each outcome at once, so a restart resumes at the first
 * row not recorded. Every instance runs one; claims keep them off each other's rows. Telegram's
 * retry_after is honoured by its sender (the thread waits, and the others soon get the same answer).
 * Zalo gets a consultation message only where its rules allow: the follower wrote within the window
 * ({@link OutreachSettings#zaloWindow()}); the others get the province's approved template message when
 * one is configured ({@link ZaloNotices}), else are counted as blocked, never tried.
 */
final class CampaignSending implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignSending.class);
    /** Claims of a row (each after a crash or a stop mid-send) before it is given up. */
    static final int MAX_ATTEMPTS = 3;

    private final Deliveries deliveries;
    private final CampaignStore campaigns;
    private final CampaignMessage message;
    private final List<OutboundChannel> channels;
    private final ZaloChatWindow zaloWindow;
    private final Subscriptions subscriptions;
    private final OutreachSettings settings;
    private final ZaloNotices zaloNotices;
    private final SendPace pace;
    private final ExecutorService pool;
    private final Map<UUID, Reply> replies = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    CampaignSending(Deliveries deliveries, CampaignStore campaigns, CampaignMessage message,
                    List<OutboundChannel> channels, ZaloChatWindow zaloWindow, Subscriptions subscriptions,
                    OutreachSettings settings, ZaloNotices zaloNotices) {
        this.deliveries = deliveries;
        this.zaloNotices = zaloNotices;
        this.campaigns = campaigns;
        this.message = message;
        this.channels = List.copyOf(channels);
        this.zaloWindow = zaloWindow;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.pace = new SendPace(settings.sendRate());
        this.pool = Executors.newFixedThreadPool(settings.sendThreads(), runnable -> {
            Thread thread = new Thread(runnable, "campaign-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts due campaigns, sends one claimed batch, closes finished campaigns. @return rows handled */
    int runOnce() {
        if (stopping) {
            return 0;
        }
        deliveries.startDue();
        List<Deliveries.Claimed> batch = deliveries.claim(settings.batch(), settings.claimLease());
        Set<Long> done = ConcurrentHashMap.newKeySet();
        List<Future<?>> sends = new ArrayList<>();
        for (Deliveries.Claimed row : batch) {
            sends.add(pool.submit(() -> {
                if (!stopping && pace.await()) {
                    sendOne(row);
                    done.add(row.id());
                }
            }));
        }
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // The database was out of reach: the row's claim runs out and it is sent later.
                LOG.warn("campaign_send_error error={}", e.getCause().toString());
            }
        }
        deliveries.release(batch.stream().map(Deliveries.Claimed::id).filter(id -> !done.contains(id)).toList());
        deliveries.closeFinished();
        return done.size();
    }

    private void sendOne(Deliveries.Claimed row) {
        if (row.attempts() > MAX_ATTEMPTS) {
            deliveries.finish(row.id(), Deliveries.FAILED, "gave_up");
            return;
        }
        Deliveries.Recipient recipient = deliveries.recipient(row.sessionKey());
        if (recipient == null) {
            deliveries.finish(row.id(), Deliveries.SKIPPED, "unsubscribed");
            return;
        }
        Optional<? extends ReplySender> sender = channels.stream().filter(c -> c.channel().code().equals(row.channel()))
                .findFirst().flatMap(OutboundChannel::sender);
        if (sender.isEmpty()) {
            deliveries.finish(row.id(), Deliveries.FAILED, "channel_off");
            return;
        }
        Reply reply = replies.computeIfAbsent(row.campaignId(), id -> message.of(campaigns.find(id).orElseThrow()));
        if (sender.get() instanceof ZaloSender zalo) {
            sendZalo(row, recipient, zalo, reply);
            return;
        }
        SendResult result = sender.get().send(recipient.chatId(), reply);
        if (result.delivered()) {
            deliveries.finish(row.id(), Deliveries.SENT, null);
            return;
        }
        String reason = failure(result.failureReason());
        if (reason.equals("blocked_by_user")) {
            // The citizen blocked the bot: stop trying them with every campaign.
            subscriptions.end(row.sessionKey(), "bot_blocked");
        }
        deliveries.finish(row.id(), Deliveries.FAILED, reason);
    }

    private void sendZalo(Deliveries.Claimed row, Deliveries.Recipient recipient, ZaloSender zalo, Reply reply) {
        if (recipient.unfollowed()) {
            deliveries.finish(row.id(), Deliveries.BLOCKED, "zalo_not_follower");
            return;
        }
        if (!zaloWindow.wroteWithin(recipient.chatId(), settings.zaloWindow())) {
            sendZaloTemplate(row, recipient, zalo);
            return;
        }
        ZaloSendOutcome outcome = zalo.deliver(recipient.chatId(), reply);
        if (outcome.delivered()) {
            deliveries.finish(row.id(), Deliveries.SENT, null);
        } else if (outcome.windowClosed()) {
            sendZaloTemplate(row, recipient, zalo);
        } else if (Integer.valueOf(-213).equals(outcome.zaloError())) {
            deliveries.finish(row.id(), Deliveries.BLOCKED, "zalo_not_follower");
        } else {
            deliveries.finish(row.id(), Deliveries.FAILED, failure(outcome.result().failureReason()));
        }
    }

    /** Outside the window only an approved template message may go; without one it is blocked by the rules. */
    private void sendZaloTemplate(Deliveries.Claimed row, Deliveries.Recipient recipient, ZaloSender zalo) {
        Optional<ZaloTemplateMessage> template = zaloNotices.announcement(
                campaigns.find(row.campaignId()).orElseThrow(), row.id());
        if (template.isEmpty()) {
            deliveries.finish(row.id(), Deliveries.BLOCKED, "zalo_window");
            return;
        }
        ZaloSendOutcome outcome = zalo.sendTemplate(recipient.chatId(), template.get());
        if (outcome.delivered()) {
            deliveries.finish(row.id(), Deliveries.SENT, "zalo_template");
        } else if (Integer.valueOf(-213).equals(outcome.zaloError())) {
            deliveries.finish(row.id(), Deliveries.BLOCKED, "zalo_not_follower");
        } else {
            deliveries.finish(row.id(), Deliveries.FAILED, failure(outcome.result().failureReason()));
        }
    }

    /** A short code for the results page; the channel's own text may name the chat, so it is not stored. */
    static String failure(String reason) {
        if (reason == null) {
            return "other";
        }
        if (reason.contains("HTTP 403")) {
            return "blocked_by_user";
        }
        if (reason.contains("HTTP 429") || reason.contains("rate limit")) {
            return "rate_limited";
        }
        if (reason.contains("HTTP 400") || reason.contains("permanent")) {
            return "rejected";
        }
        if (reason.contains("network") || reason.contains("HTTP 5") || reason.contains("unreadable")) {
            return "network_or_server";
        }
        return "other";
    }

    boolean stopped() {
        return stopping;
    }

    /** Stops: no new message is started, those in flight finish and are recorded, the rest go back. */
    @Override
    public void close() {
        stopping = true;
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }
}
