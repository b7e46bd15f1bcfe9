package vn.dvcassistant.app.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Folding finished days into daily counters changes no figure: the answer summary and the most asked topics
 * are the same before and after, while the counters now hold the folded days.
 */
@MicronautTest(transactional = false)
class ExchangeRollupTest {

    private static final Period MARCH = new Period(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 3, 31));

    @Inject
    AnswerStatistics answers;
    @Inject
    ExchangeRollup rollup;
    @Inject
    DataSource dataSource;

    @Test
    void theFiguresAreTheSameBeforeAndAfterTheDaysAreFolded() {
        RawSql sql = new RawSql(dataSource);
        String session = "rollup-" + UUID.randomUUID();
        sql.update("INSERT INTO conversation_session (id, channel, created_at, updated_at) VALUES (?, 'web', now(), now())",
                session);
        // 00:30 on 1 April in Vietnam is still 31 March in UTC: it belongs to April, folded or not.
        exchanges(sql, session, "2019-03-05 09:00+07", "answer", "dang-ky-khai-sinh", 3);
        exchanges(sql, session, "2019-03-31 23:30+07", "answer", "dang-ky-ket-hon", 2);
        exchanges(sql, session, "2019-03-06 10:00+07", "fallback", null, 2);
        exchanges(sql, session, "2019-03-06 10:00+07", "smalltalk", null, 4);
        exchanges(sql, session, "2019-04-01 00:30+07", "answer", "dang-ky-ket-hon", 5);

        AnswerSummary before = answers.summary(MARCH);
        var topicsBefore = answers.mostAsked(MARCH, 10);
        assertThat(before.questions()).isEqualTo(7);
        assertThat(before.fallbacks()).isEqualTo(2);
        assertThat(topicsBefore).extracting(AnswerStatistics.AskedTopic::topicId)
                .containsExactly("dang-ky-khai-sinh", "dang-ky-ket-hon");

        assertThat(rollup.fold()).isBefore(LocalDate.now());
        assertThat(sql.count("SELECT coalesce(sum(total), 0) FROM exchange_daily WHERE day BETWEEN '2019-03-01' AND '2019-03-31'"))
                .as("March is in the counters now").isEqualTo(11);
        assertThat(answers.summary(MARCH)).isEqualTo(before);
        assertThat(answers.mostAsked(MARCH, 10)).isEqualTo(topicsBefore);
        assertThat(rollup.fold()).as("a second run folds nothing twice").isBefore(LocalDate.now());
        assertThat(answers.summary(MARCH)).isEqualTo(before);
    }

    private static void exchanges(RawSql sql, String session, String at, String kind, String topic, int count) {
        sql.update("""
                INSERT INTO exchange (id, session_id, channel, question, kind, topic_id, confidence, latency_ms, created_at)
                SELECT gen_random_uuid(), ?, 'web', 'Câu hỏi thử', ?, ?, 0.9, 10, ?::timestamptz FROM generate_series(1, ?)
                """, session, kind, topic, at, count);
    }
}
