package vn.dvcassistant.app.stats;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionRollup;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.kb.Field;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Ratings are written straight into satisfaction_rating with dates in a year no other test uses, so
 * each test sees only its own rows; the statistics then read them like any others.
 */
@MicronautTest(transactional = false)
class SatisfactionStatisticsTest {

    @Inject
    SatisfactionStatistics statistics;

    @Inject
    SatisfactionRollup rollup;

    @Inject
    SatisfactionRecorder recorder;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void overallTargetIsNinetyAndTheThreeFieldsEightyFive() {
        int year = 2101;
        insert(LocalDate.of(year, 3, 1), "cap-giay-chung-nhan-lan-dau", "dat-dai", "SO-NNMT", "web", 880, 120);

        SatisfactionReport overall = statistics.compute(SatisfactionFilter.year(year));
        assertThat(overall.total()).isEqualTo(1000);
        assertThat(overall.rate()).isEqualTo(0.88);
        assertThat(overall.target()).isEqualTo(0.90);
        assertThat(overall.status()).isEqualTo("not_met");

        SatisfactionReport land = statistics.compute(new SatisfactionFilter(
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Field.DAT_DAI, null, null));
        assertThat(land.target()).isEqualTo(0.85);
        assertThat(land.status()).isEqualTo("met");
        assertThat(land.ci95()).containsExactly(0.8584, 0.8987);
        // Each field entry carries its own target, whatever the filter.
        assertThat(overall.byField()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("dat-dai");
            assertThat(f.target()).isEqualTo(0.85);
            assertThat(f.status()).isEqualTo("met");
        });
    }

    @Test
    void undecidedWhenTheIntervalStraddlesTheTarget() {
        int year = 2102;
        insert(LocalDate.of(year, 5, 5), "dang-ky-khai-sinh", "ho-tich", "SO-TP", "web", 90, 10);
        SatisfactionReport report = statistics.compute(SatisfactionFilter.year(year));
        assertThat(report.ci95()).containsExactly(0.8256, 0.9448);
        assertThat(report.status()).isEqualTo("undecided");
    }

    @Test
    void breakdownsByFieldAgencyChannelAndMonthWithAssistedApart() {
        int year = 2103;
        insert(LocalDate.of(year, 1, 10), "dang-ky-khai-sinh", "ho-tich", "SO-TP", "web", 40, 0);
        insert(LocalDate.of(year, 1, 31), "dang-ky-khai-sinh", "ho-tich", "", "zalo", 10, 10);
        insert(LocalDate.of(year, 2, 1), "giay-phep-xay-dung-nha-o", "xay-dung", "SO-XD", "survey", 30, 10);
        insert(LocalDate.of(year, 2, 28), "giay-phep-xay-dung-nha-o", "xay-dung", "SO-XD", "assisted", 5, 5);

        SatisfactionReport report = statistics.compute(SatisfactionFilter.year(year));

        assertThat(report.total()).isEqualTo(100);
        assertThat(report.satisfied()).isEqualTo(80);
        assertThat(report.assisted().total()).isEqualTo(10);
        assertThat(figures(report.byField())).containsExactly(Map.entry("ho-tich", 50L + 10), Map.entry("xay-dung", 40L));
        assertThat(report.byField().get(1).target()).isEqualTo(0.85);
        assertThat(report.byField().get(0).target()).isEqualTo(0.90);
        assertThat(figures(report.byMonth())).containsExactly(Map.entry(year + "-01", 60L), Map.entry(year + "-02", 40L));
        assertThat(figures(report.byChannel())).containsExactly(Map.entry("web", 40L), Map.entry("zalo", 20L),
                Map.entry("survey", 40L), Map.entry("assisted", 10L));
        assertThat(report.byAgency()).extracting(SatisfactionFigure::key).containsExactlyInAnyOrder("SO-TP", null, "SO-XD");
        assertThat(report.byAgency()).filteredOn(f -> "SO-XD".equals(f.key())).singleElement()
                .satisfies(f -> assertThat(f.label()).isEqualTo("Sở Xây dựng"));

        SatisfactionReport assistedOnly = statistics.compute(new SatisfactionFilter(
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, Channel.ASSISTED));
        assertThat(assistedOnly.total()).isEqualTo(10);
        assertThat(assistedOnly.satisfied()).isEqualTo(5);
        assertThat(assistedOnly.assisted()).isNull();

        SatisfactionReport february = statistics.compute(new SatisfactionFilter(
                LocalDate.of(year, 2, 1), LocalDate.of(year, 2, 28), null, "SO-XD", null));
        assertThat(february.total()).isEqualTo(40);
    }

    @Test
    void httpEndpointFiltersAndRefusesBadInput() {
        int year = 2104;
        insert(LocalDate.of(year, 6, 1), "thu-tuc-dau-tu", "dau-tu", "SO-TC", "telegram", 17, 3);
        Map<?, ?> body = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/stats/satisfaction?from=" + year + "-01-01&to=" + year + "-12-31&field=dau-tu&channel=telegram"),
                Map.class);
        assertThat(body.get("total")).isEqualTo(20);
        assertThat(body.get("satisfied")).isEqualTo(17);
        assertThat(body.get("rate")).isEqualTo(0.85);
        assertThat(body.get("target")).isEqualTo(0.85);
        assertThat((List<?>) body.get("ci95")).hasSize(2);
        assertThat(body.get("status")).isEqualTo("undecided");

        assertThat(refusal("/api/v1/stats/satisfaction?from=2026-13-01")).isEqualTo("invalid_date");
        assertThat(refusal("/api/v1/stats/satisfaction?from=2026-02-01&to=2026-01-01")).isEqualTo("invalid_period");
        assertThat(refusal("/api/v1/stats/satisfaction?field=nong-nghiep")).isEqualTo("unknown_field");
        assertThat(refusal("/api/v1/stats/satisfaction?agency=NOPE")).isEqualTo("unknown_agency");
        assertThat(refusal("/api/v1/stats/satisfaction?channel=fax")).isEqualTo("unknown_rating_channel");
    }

    @Test
    void rollUpPlusTailEqualsADirectCountAfterConcurrentInserts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<Integer> roller = pool.submit(() -> {
                int runs = 0;
                while (writing.get()) {
                    rollup.rollUp();
                    runs++;
                }
                return runs;
            });
            List<Future<?>> writers = new ArrayList<>();
            String[] levels = {"rat_hai_long", "hai_long", "khong_hai_long"};
            String[] topics = {"dang-ky-khai-sinh", "cap-giay-chung-nhan-lan-dau", "dang-ky-xe"};
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 150; i++) {
                        recorder.record(new SatisfactionSubmission(topics[(writer + i) % 3], levels[(writer * 7 + i) % 3],
                                null, i % 2 == 0 ? "web" : "zalo", null));
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            assertThat(roller.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        SatisfactionFilter todayOnly = new SatisfactionFilter(today, today, null, null, null);

        long[] direct = directCount(today);
        SatisfactionReport beforeFinalRollUp = statistics.compute(todayOnly);
        assertThat(beforeFinalRollUp.total()).isEqualTo(direct[0]);
        assertThat(beforeFinalRollUp.satisfied()).isEqualTo(direct[1]);

        rollup.rollUp();
        SatisfactionReport after = statistics.compute(todayOnly);
        assertThat(after.total()).isEqualTo(direct[0]);
        assertThat(after.satisfied()).isEqualTo(direct[1]);
        assertThat(direct[0]).isGreaterThanOrEqualTo(900);
        // Everything is now in the daily counters: the roll-up alone holds the exact figure.
        long[] rolled = rolledCount(today);
        assertThat(rolled).containsExactly(direct[0], direct[1]);
    }

    private static List<Map.Entry<String, Long>> figures(List<SatisfactionFigure> figures) {
        return figures.stream().map(f -> Map.entry(f.key(), f.total())).toList();
    }

    private String refusal(String uri) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET(uri), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        return (String) e.getResponse().getBody(Map.class).orElseThrow().get("error");
    }

    private void insert(LocalDate day, String topic, String field, String agency, String channel,
                        int satisfied, int unsatisfied) {
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    INSERT INTO satisfaction_rating (topic_id, field, agency, channel, level, satisfied, rated_on, rated_at)
                    SELECT ?, ?, ?, ?, CASE WHEN g <= ? THEN 'hai_long' ELSE 'khong_hai_long' END, g <= ?, ?, ?::date
                      FROM generate_series(1, ?) g
                    """)) {
                insert.setString(1, topic);
                insert.setString(2, field);
                insert.setString(3, agency);
                insert.setString(4, channel);
                insert.setInt(5, satisfied);
                insert.setInt(6, satisfied);
                insert.setObject(7, day);
                insert.setObject(8, day);
                insert.setInt(9, satisfied + unsatisfied);
                insert.executeUpdate();
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private long[] directCount(LocalDate day) {
        return pair("SELECT count(*), count(*) FILTER (WHERE satisfied) FROM satisfaction_rating "
                + "WHERE rated_on = ? AND channel <> 'assisted'", day);
    }

    private long[] rolledCount(LocalDate day) {
        return pair("SELECT coalesce(sum(total), 0), coalesce(sum(satisfied), 0) FROM satisfaction_daily "
                + "WHERE rated_on = ? AND channel <> 'assisted'", day);
    }

    private long[] pair(String sql, LocalDate day) {
        return transactions.executeRead(status -> {
            try (PreparedStatement q = status.getConnection().prepareStatement(sql)) {
                q.setObject(1, day);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
