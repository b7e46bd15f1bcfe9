package vn.dvcassistant.app.privacy;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Erases citizens' words and contact details older than {@code dvc.privacy.retention-days}, keeping the
 * rows and so every count. Comment contact details go only once the comment is settled (published,
 * rejected or transferred): an open comment still needs a way to reach its author. The text of
 * comments stays, because the published answer and its question are the public record.
 *
 * <p>Questions asked without consent (the first question comes before the consent question can be answered,
 * and may hold a name) are emptied much sooner, after {@code dvc.privacy.unconsented-text-retention}: long
 * enough for staff to see the day's unanswered questions, not long enough to become a record of the person.
 */
@Singleton
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private static final String EXCHANGES = "UPDATE exchange SET question = '' WHERE created_at < ? AND question <> ''";
    private static final String UNCONSENTED =
            "UPDATE exchange SET question = '' WHERE without_consent AND question <> '' AND created_at < ?";
    private static final String RATINGS = "UPDATE answer_rating SET reason = NULL WHERE created_at < ? AND reason IS NOT NULL";
    private static final String SATISFACTION =
            "UPDATE satisfaction_rating SET comment = NULL WHERE rated_at < ? AND comment IS NOT NULL";
    private static final String COMMENTS = """
            UPDATE citizen_comment SET contact_name = NULL, contact_phone = NULL, contact_email = NULL, reply_to = NULL
            WHERE status IN ('published', 'rejected', 'transferred') AND COALESCE(published_at, closed_at, updated_at) < ?
              AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_email IS NOT NULL OR reply_to IS NOT NULL)""";

    /** Replies never sent (the channel kept failing) still hold a recipient and a text: same limit. */
    private static final String OUTBOX = "UPDATE comment_reply_outbox SET recipient = '', text = '' "
            + "WHERE created_at < ? AND (recipient <> '' OR text <> '')";

    private final TransactionOperations<Connection> transactions;
    private final int retentionDays;
    private final Duration unconsentedTextRetention;

    RetentionJob(TransactionOperations<Connection> transactions,
                 PrivacySettings settings) {
        int retentionDays = settings.retentionDays();
        if (retentionDays < 1) {
            throw new IllegalArgumentException("dvc.privacy.retention-days must be at least 1, was " + retentionDays);
        }
        this.transactions = transactions;
        this.retentionDays = retentionDays;
        this.unconsentedTextRetention = settings.unconsentedTextRetention();
        if (unconsentedTextRetention.isNegative()) {
            throw new IllegalArgumentException("dvc.privacy.unconsented-text-retention must not be negative");
        }
    }

    @Scheduled(fixedDelay = "${dvc.privacy.retention-interval:1h}", initialDelay = "1m")
    void scheduled() {
        run(Instant.now());
    }

    /** Erases what is older than the retention period before {@code now}; returns what was erased. */
    public ErasureResult run(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(retentionDays)));
        return transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            try {
                int exchanges = PersonalDataEraser.update(c, EXCHANGES, cutoff)
                        + PersonalDataEraser.update(c, UNCONSENTED,
                        Timestamp.from(now.minus(unconsentedTextRetention)));
                int ratings = PersonalDataEraser.update(c, RATINGS, cutoff)
                        + PersonalDataEraser.update(c, SATISFACTION, cutoff);
                int comments = PersonalDataEraser.update(c, COMMENTS, cutoff)
                        + PersonalDataEraser.update(c, OUTBOX, cutoff);
                ErasureResult result = new ErasureResult(exchanges, ratings, comments);
                if (result.total() > 0) {
                    PersonalDataEraser.log(c, "retention", null, result);
                    LOG.info("retention=erased days={} exchanges={} ratings={} comments={}", retentionDays,
                            exchanges, ratings, comments);
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("Retention job failed", e);
            }
        });
    }
}
