package vn.dvcassistant.app.channel;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.channel.telegram.TelegramChannel;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.SendResult;

import java.time.Instant;
import java.util.Optional;

/**
 * Sends staff answers to citizens' comments back on Telegram and Zalo (the outbox the comments service
 * fills; Zalo's window rules are in {@link ZaloCommentAnswers}). An entry is tried at most
 * {@value #MAX_ATTEMPTS} times; the last error stays on the entry.
 * Every instance runs it; each sends only the entries it claimed ({@link OutboxClaims}).
 */
@Singleton
final class CommentAnswerOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(CommentAnswerOutbox.class);
    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 50;

    private final OutboxClaims claims;
    private final ReplyOutboxRepository outbox;
    private final TelegramChannel telegram;
    private final ChannelStatus status;
    private final ZaloCommentAnswers zaloAnswers;

    CommentAnswerOutbox(OutboxClaims claims, ReplyOutboxRepository outbox, TelegramChannel telegram,
                        ChannelStatus status, ZaloCommentAnswers zaloAnswers) {
        this.zaloAnswers = zaloAnswers;
        this.claims = claims;
        this.outbox = outbox;
        this.telegram = telegram;
        this.status = status;
    }

    @Scheduled(fixedDelay = "${channels.outbox.interval:30s}", initialDelay = "${channels.outbox.interval:30s}")
    void sendPending() {
        send(Channel.TELEGRAM, telegram.sender());
        // Zalo has its chat window: see ZaloCommentAnswers.
        zaloAnswers.sendPending(MAX_ATTEMPTS, BATCH);
    }

    /** @return how many answers were delivered */
    int send(Channel channel, Optional<? extends ReplySender> sender) {
        if (sender.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (ReplyOutboxEntry entry : claims.claim(ChannelDeliveries.code(channel), MAX_ATTEMPTS, BATCH)) {
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
