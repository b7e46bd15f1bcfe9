package vn.dvcassistant.app.channel.zalo;

import vn.dvcassistant.app.channel.ChannelContacts;
import vn.dvcassistant.app.channel.ChannelStatus;
import vn.dvcassistant.app.channel.OutboxClaims;
import vn.dvcassistant.app.channel.OwnAnswerDelivery;
import vn.dvcassistant.app.channel.PendingCommentAnswers;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.zalo.ZaloSendOutcome;
import vn.dvcassistant.channel.zalo.ZaloSender;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * Agencies' answers to comments, on Zalo, where a consultation message reaches a citizen only within a
 * window after their last message (and answers take up to 15 working days):
 * <ul>
 *   <li>window open: sent in the chat ({@code delivered_by = chat});</li>
 *   <li>window closed (by our clock, or Zalo's -230/-232): the province's template message if one is
 *       configured ({@code template}), else kept ({@code held_since}) and sent, introduced by "Bạn có câu
 *       trả lời cho góp ý GY-...", right after the citizen's next message ({@code next_message});</li>
 *   <li>any other Zalo refusal is final for the entry, with its reason; network errors and rate limits
 *       are tried again by the next rounds like on Telegram.</li>
 * </ul>
 * {@code GET /api/v1/stats/comment-replies} counts each case.
 */
@Singleton
public final class ZaloCommentAnswers implements OwnAnswerDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloCommentAnswers.class);

    static final String BY_CHAT = "chat";
    static final String BY_TEMPLATE = "template";
    static final String BY_NEXT_MESSAGE = "next_message";

    private final OutboxClaims claims;
    private final PendingCommentAnswers pending;
    private final ZaloOutboxEntries entries;
    private final ReplyOutboxRepository outbox;
    private final ZaloChannel zalo;
    private final ZaloChatWindow window;
    private final ZaloAnswerTemplate template;
    private final ChannelContacts contacts;
    private final ChannelStatus status;
    private final TransactionOperations<Connection> transactions;
    private final Messages messages;

    ZaloCommentAnswers(OutboxClaims claims, PendingCommentAnswers pending, ZaloOutboxEntries entries,
                       ReplyOutboxRepository outbox, ZaloChannel zalo, ZaloChatWindow window,
                       ZaloAnswerTemplate template, ChannelContacts contacts, ChannelStatus status,
                       TransactionOperations<Connection> transactions, Messages messages) {
        this.claims = claims;
        this.pending = pending;
        this.entries = entries;
        this.outbox = outbox;
        this.zalo = zalo;
        this.window = window;
        this.template = template;
        this.contacts = contacts;
        this.status = status;
        this.transactions = transactions;
        this.messages = messages;
    }

    /** One round of the outbox for Zalo; entries kept for the citizen's next message are not part of it. */
    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public int sendPending(int maxAttempts, int batch) {
        Optional<ZaloSender> sender = zalo.sender();
        if (sender.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (ReplyOutboxEntry entry : claims.claim(Channel.ZALO.code(), maxAttempts, batch)) {
            if (deliver(sender.get(), entry, false, maxAttempts)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * The citizen wrote, so the window is open: what was kept for them goes now. Their own message was
     * answered already; a failure here is logged and the entries are tried at their next message.
     */
    @EventListener
    void onCitizenWrote(ZaloCitizenWrote wrote) {
        try {
            sendHeld(wrote.userId());
        } catch (RuntimeException e) {
            LOG.error("held_comment_answers_not_sent channel=zalo error={}", e.toString());
        }
    }

    private void sendHeld(String userId) {
        Optional<ZaloSender> sender = zalo.sender();
        if (sender.isEmpty()) {
            return;
        }
        int maxAttempts = OutboxClaims.MAX_ATTEMPTS;
        List<ReplyOutboxEntry> held = transactions.executeWrite(tx -> {
            List<ReplyOutboxEntry> found = entries.lockHeld(userId, maxAttempts);
            if (!found.isEmpty()) {
                pending.claim(found.stream().map(ReplyOutboxEntry::id).toList(), OutboxClaims.LEASE_SECONDS);
            }
            return found;
        });
        for (ReplyOutboxEntry entry : held) {
            deliver(sender.get(), entry, true, maxAttempts);
        }
    }

    private boolean deliver(ZaloSender sender, ReplyOutboxEntry entry, boolean citizenJustWrote, int maxAttempts) {
        if (contacts.isUnfollowed(Channel.ZALO, entry.recipient())) {
            entries.giveUp(entry.id(), "the citizen unfollowed the OA", maxAttempts);
            return false;
        }
        if (!window.isOpen(entry.recipient())) {
            return outsideWindow(sender, entry, "no message from the citizen within " + window.length().toHours() + " h");
        }
        String text = citizenJustWrote
                ? messages.get("channel.zalo.heldAnswer", template.code(entry)) + "\n\n" + entry.text()
                : entry.text();
        ZaloSendOutcome outcome = sender.deliver(entry.recipient(), Reply.text(text));
        status.recordSend(Channel.ZALO, outcome.result());
        if (outcome.delivered()) {
            entries.markDelivered(entry.id(), citizenJustWrote ? BY_NEXT_MESSAGE : BY_CHAT);
            return true;
        }
        String reason = outcome.result().failureReason();
        if (outcome.windowClosed()) {
            return outsideWindow(sender, entry, reason);
        }
        LOG.warn("comment_answer_not_sent channel=zalo outbox_id={} permanent={} reason={}", entry.id(),
                outcome.permanent(), reason);
        if (outcome.permanent()) {
            entries.giveUp(entry.id(), reason, maxAttempts);
        } else {
            outbox.markFailed(entry.id(), reason);
        }
        return false;
    }

    private boolean outsideWindow(ZaloSender sender, ReplyOutboxEntry entry, String why) {
        if (template.configured()) {
            ZaloSendOutcome outcome = sender.sendTemplate(entry.recipient(), template.message(entry));
            status.recordSend(Channel.ZALO, outcome.result());
            if (outcome.delivered()) {
                entries.markDelivered(entry.id(), BY_TEMPLATE);
                return true;
            }
            why = why + "; " + outcome.result().failureReason();
            LOG.warn("comment_answer_template_failed outbox_id={} reason={}", entry.id(), outcome.result().failureReason());
        }
        entries.hold(entry.id(), why + "; kept until the citizen writes again");
        LOG.info("comment_answer_held channel=zalo outbox_id={}", entry.id());
        return false;
    }
}
