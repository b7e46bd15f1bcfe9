package vn.dvcassistant.app.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.ReplyOutboxEntry;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sending the comment-answer outbox must not send one answer twice, and an answer an
 * instance claimed but never sent (it crashed) must still go out. Real PostgreSQL row locks.
 */
@MicronautTest(transactional = false)
class OutboxClaimsTest {

    private static final String CHANNEL = "claims-test";

    @Inject
    OutboxClaims claims;

    @Inject
    PendingCommentAnswers pending;

    @Inject
    ReplyOutboxRepository outbox;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void eachEntryIsClaimedByOneInstanceUntilItFailsOrTheClaimRunsOut() {
        TestDatabase db = pendingAnswers(3);

        List<ReplyOutboxEntry> first = claims.claim(CHANNEL, 5, 2);
        List<ReplyOutboxEntry> second = claims.claim(CHANNEL, 5, 2);
        assertThat(first).hasSize(2);
        assertThat(second).singleElement().extracting(ReplyOutboxEntry::recipient).isEqualTo("user-2");
        assertThat(claims.claim(CHANNEL, 5, 2)).as("everything is claimed").isEmpty();

        outbox.markFailed(first.get(0).id(), "timeout");
        assertThat(claims.claim(CHANNEL, 5, 2)).as("a failed send is tried again")
                .extracting(ReplyOutboxEntry::id).containsExactly(first.get(0).id());

        db.update("UPDATE comment_reply_outbox SET claimed_until = now() - interval '1 second' WHERE id = ?",
                second.get(0).id());
        assertThat(claims.claim(CHANNEL, 5, 2)).as("the claim of a crashed instance ran out")
                .extracting(ReplyOutboxEntry::id).containsExactly(second.get(0).id());
    }

    @Test
    void anInstanceSkipsWhatAnotherIsClaimingAtTheSameMoment() throws Exception {
        pendingAnswers(2);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // Another instance's claim, caught between locking its row and committing.
            Future<List<ReplyOutboxEntry>> held = other.submit(() -> transactions.executeWrite(status -> {
                List<ReplyOutboxEntry> rows = pending.lockSendable(CHANNEL, 5, 1);
                locked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return rows;
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            List<ReplyOutboxEntry> mine = claims.claim(CHANNEL, 5, 2);
            release.countDown();

            List<String> both = new ArrayList<>(mine.stream().map(ReplyOutboxEntry::recipient).toList());
            both.addAll(held.get(10, TimeUnit.SECONDS).stream().map(ReplyOutboxEntry::recipient).toList());
            assertThat(mine).hasSize(1);
            assertThat(both).containsExactlyInAnyOrder("user-0", "user-1");
        } finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    /** Answers to users user-0 .. user-(count-1), on a channel of this test's own, nothing else pending there. */
    private TestDatabase pendingAnswers(int count) {
        TestDatabase db = new TestDatabase(transactions);
        db.update("DELETE FROM comment_reply_outbox WHERE channel = ?", CHANNEL);
        long comment = comment(db);
        for (int i = 0; i < count; i++) {
            db.update("INSERT INTO comment_reply_outbox (comment_id, channel, recipient, text, created_at) "
                    + "VALUES (?, ?, ?, 'Trả lời', now())", comment, CHANNEL, "user-" + i);
        }
        return db;
    }

    private static long comment(TestDatabase db) {
        String code = "GY-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        db.update("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, status, received_at,
                    reject_due, info_due, answer_due, updated_at)
                VALUES (?, 'web', 'ho-tich', 'SO-TP', 'Góp ý', FALSE, 'answered', now(), current_date,
                    current_date, current_date, now())""", code);
        return db.count("SELECT id FROM citizen_comment WHERE code = ?", code);
    }
}
