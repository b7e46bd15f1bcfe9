package vn.dvcassistant.app.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.ReplyOutboxRepository;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply outbox keeps who a reply went to and what it said only until it is sent, or until the
 * retention period for replies that never went out; and the retention job's queries run on indexes.
 */
@MicronautTest(transactional = false)
class RetentionOutboxTest {

    @Inject
    ReplyOutboxRepository outbox;
    @Inject
    RetentionJob retention;
    @Inject
    DataSource dataSource;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void aSentReplyKeepsNoRecipientOrTextAndRetentionClearsUnsentOldOnes() {
        RawSql sql = new RawSql(dataSource);
        long comment = comment(sql);
        long sent = reply(sql, comment, "now()");
        long oldUnsent = reply(sql, comment, "now() - interval '400 days'");
        long recentUnsent = reply(sql, comment, "now()");

        outbox.markSent(sent, Instant.now());
        assertThat(sql.column("SELECT recipient || text FROM comment_reply_outbox WHERE id = ?", sent)).containsExactly("");
        assertThat(sql.count("SELECT count(*) FROM comment_reply_outbox WHERE id = ? AND sent_at IS NOT NULL", sent))
                .isEqualTo(1);

        retention.run(Instant.now());
        assertThat(sql.column("SELECT recipient || text FROM comment_reply_outbox WHERE id = ?", oldUnsent))
                .containsExactly("");
        assertThat(sql.column("SELECT recipient FROM comment_reply_outbox WHERE id = ?", recentUnsent))
                .containsExactly("telegram-user-42");
    }

    /** The retention queries run on indexes (the partial ones of V60 cover them exactly), never a whole-table scan. */
    @Test
    void retentionQueriesUseTheirIndexes() {
        List<String> plans = transactions.executeRead(status -> explain(status.getConnection()));
        // Which index the planner picks depends on the rows other tests left; that it needs no table scan does not.
        assertThat(plans).allSatisfy(plan -> assertThat(plan).contains("Index").doesNotContain("Seq Scan"));
        assertThat(plans.get(0)).contains("exchange");
        assertThat(String.join("", plans)).contains("satisfaction_rating_comment_retention_idx",
                "comment_reply_outbox_retention_idx");
    }

    private static List<String> explain(Connection connection) throws SQLException {
        List<String> plans = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            for (String query : new String[]{
                    "UPDATE exchange SET question = '' WHERE created_at < now() AND question <> ''",
                    "UPDATE satisfaction_rating SET comment = NULL WHERE rated_at < now() AND comment IS NOT NULL",
                    "UPDATE answer_rating SET reason = NULL WHERE created_at < now() AND reason IS NOT NULL",
                    "UPDATE comment_reply_outbox SET recipient = '', text = '' WHERE created_at < now() "
                            + "AND (recipient <> '' OR text <> '')"}) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                plans.add(plan.toString());
            }
            statement.execute("RESET enable_seqscan");
        }
        return plans;
    }

    private static long comment(RawSql sql) {
        String code = "GY-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        sql.update("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, status, received_at,
                    reject_due, info_due, answer_due, updated_at)
                VALUES (?, 'telegram', 'ho-tich', 'SO-TP', 'Góp ý', TRUE, 'answered', now(), current_date,
                    current_date, current_date, now())""", code);
        return sql.count("SELECT id FROM citizen_comment WHERE code = ?", code);
    }

    private static long reply(RawSql sql, long comment, String createdAt) {
        sql.update("INSERT INTO comment_reply_outbox (comment_id, channel, recipient, text, created_at) "
                + "VALUES (?, 'telegram', 'telegram-user-42', 'Trả lời cho ông Lê Văn Cường', " + createdAt + ")", comment);
        return sql.count("SELECT max(id) FROM comment_reply_outbox WHERE comment_id = ?", comment);
    }
}
