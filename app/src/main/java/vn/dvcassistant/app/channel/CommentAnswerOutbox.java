package vn.dvcassistant.app.channel;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sends staff answers to citizens' comments back on Telegram and Zalo (the outbox the comments service
 * fills; a channel with rules of its own, such as Zalo's window, is an {@link OwnAnswerDelivery}). An entry is tried at most
 * {@value #MAX_ATTEMPTS} times; the last error stays on the entry.
 * Every instance runs it; each sends only the entries it claimed ({@link OutboxClaims}).
 */
@Singleton
final class CommentAnswerOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(CommentAnswerOutbox.class);
    static final int MAX_ATTEMPTS = OutboxClaims.MAX_ATTEMPTS;
    private static final int BATCH = 50;

    private final OutboxClaims claims;
    private final ReplyOutboxRepository outbox;
    private final List<OutboundChannel> channels;
    private final ChannelStatus status;
    private final List<OwnAnswerDelivery> ownDeliveries;

    CommentAnswerOutbox(OutboxClaims claims, ReplyOutboxRepository outbox, List<OutboundChannel> channels,
                        ChannelStatus status, List<OwnAnswerDelivery> ownDeliveries) {
        this.ownDeliveries = List.copyOf(ownDeliveries);
        this.claims = claims;
        this.outbox = outbox;
        this.channels = List.copyOf(channels);
        this.status = status;
    }

    @Scheduled(fixedDelay = "${channels.outbox.interval:30s}", initialDelay = "${channels.outbox.interval:30s}")
    void sendPending() {
        for (OutboundChannel channel : channels) {
            if (ownDeliveries.stream().noneMatch(own -> own.channel() == channel.channel())) {
                send(channel.channel(), channel.sender());
            }
        }
        // Zalo has its chat window (and unfollowed citizens): see its OwnAnswerDelivery.
        ownDeliveries.forEach(own -> own.sendPending(MAX_ATTEMPTS, BATCH));
    }

    /** @return how many answers were delivered */
    int send(Channel channel, Optional<? extends ReplySender> sender) {
        if (sender.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (ReplyOutboxEntry entry : claims.claim(channel.code(), MAX_ATTEMPTS, BATCH)) {
            SendResult result = sender.get().send(entry.recipient(), Reply.text(entry.text()));
            status.recordSend(channel, result);
            if (result.delivered()) {
                outbox.markSent(entry.id(), Instant.now());
                delivered++;
            } else {
                LOG.warn("comment_answer_not_sent channel={} outbox_id={} reason={}", channel, entry.id(),
                        result.failureReason());
                outbox.markFailed(entry.id(), result.failureReason());
            }
        }
        return delivered;
    }
}
