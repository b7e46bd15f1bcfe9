package vn.dvcassistant.app.channel;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;

import java.sql.Connection;
import java.util.List;

/**
 * Takes a batch of comment answers to send, for this instance only: claimed entries are skipped by the
 * other instances until the claim runs out ({@link #LEASE_SECONDS}), which is also how an entry a
 * crashed instance was sending gets sent after all (possibly twice: at least once, never lost).
 */
@Singleton
public final class OutboxClaims {

    /** Far longer than sending a batch takes, even with the channels' retries. */
    public static final int LEASE_SECONDS = 300;
    /** How often an answer is tried before it is given up, whatever the channel. */
    public static final int MAX_ATTEMPTS = 5;

    private final PendingCommentAnswers pending;
    private final TransactionOperations<Connection> transactions;

    OutboxClaims(PendingCommentAnswers pending, TransactionOperations<Connection> transactions) {
        this.pending = pending;
        this.transactions = transactions;
    }

    public List<ReplyOutboxEntry> claim(String channel, int maxAttempts, int limit) {
        return transactions.executeWrite(status -> {
            List<ReplyOutboxEntry> entries = pending.lockSendable(channel, maxAttempts, limit);
            if (!entries.isEmpty()) {
                pending.claim(entries.stream().map(ReplyOutboxEntry::id).toList(), LEASE_SECONDS);
            }
            return entries;
        });
    }
}
