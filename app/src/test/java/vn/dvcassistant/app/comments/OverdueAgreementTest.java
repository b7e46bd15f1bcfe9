package vn.dvcassistant.app.comments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.stats.CommentStatistics;
import vn.dvcassistant.app.stats.OverdueComment;
import vn.dvcassistant.app.stats.Period;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff's comment list and the dashboard (and with it the statistics and exports) flag the same comments
 * as overdue: both use {@link CommentRules}. Before, the list also flagged comments waiting for the citizen's
 * information and missed answers not published in time.
 */
@MicronautTest(transactional = false)
class OverdueAgreementTest {

    private static final String AGENCY = "THUE";

    @Inject
    CommentService comments;

    @Inject
    StaffCommentQueries staffList;

    @Inject
    CommentStatistics statistics;

    @Inject
    DataSource dataSource;

    @Test
    void listAndDashboardAgreeOnWhichCommentsAreOverdue() {
        // status, answer due (days from today), publish due (days from today, or null) -> overdue?
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put(comment("received", -3, null), true);
        expected.put(comment("received", 5, null), false);
        expected.put(comment("in_progress", -1, null), true);
        expected.put(comment("in_progress", 0, null), false);
        expected.put(comment("needs_info", -4, null), false);
        expected.put(comment("answered", -10, -1), true);
        expected.put(comment("answered", -10, 2), false);
        expected.put(comment("published", -10, -5), false);
        expected.put(comment("rejected", -10, null), false);
        Set<String> ours = expected.keySet();

        Set<String> listed = staffList.list(AGENCY, 10_000).stream()
                .filter(c -> ours.contains(c.code()) && c.overdue()).map(StaffComment::code).collect(Collectors.toSet());
        Set<String> onDashboard = statistics.overdue(AGENCY).stream().map(OverdueComment::code)
                .filter(ours::contains).collect(Collectors.toSet());
        Set<String> overdue = expected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toSet());

        assertThat(listed).isEqualTo(onDashboard).isEqualTo(overdue);
        // The dashboard's count is the same rule: at least our overdue ones.
        assertThat(statistics.compute(Period.ALL, AGENCY).total().overdue()).isGreaterThanOrEqualTo(overdue.size());
        // An answered comment is shown with the deadline it is late for: publishing.
        String lateToPublish = expected.keySet().stream().skip(5).findFirst().orElseThrow();
        assertThat(staffList.list(AGENCY, 10_000)).filteredOn(c -> c.code().equals(lateToPublish)).singleElement()
                .satisfies(c -> assertThat(c.due()).isEqualTo(java.time.LocalDate.now(
                        java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1)));
    }

    private String comment(String status, int answerDueInDays, Integer publishDueInDays) {
        String code = comments.submit(new CommentSubmission("Góp ý về thuế " + status, null, "thue", "web",
                false, null, null, null, null)).code();
        // A published comment has its answer and publication time, as the service writes them (the public
        // page shows both, and other tests share this database).
        boolean published = "published".equals(status);
        new RawSql(dataSource).update("UPDATE citizen_comment SET status = ?, "
                + "answer_due = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + ?, "
                + "publish_due = (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + CAST(? AS INTEGER), "
                + "answer = CASE WHEN ? THEN 'Đã trả lời.' ELSE answer END, "
                + "answered_at = CASE WHEN ? THEN now() ELSE answered_at END, "
                + "published_at = CASE WHEN ? THEN now() ELSE published_at END WHERE code = ?",
                status, answerDueInDays, publishDueInDays, published, published, published, code);
        return code;
    }
}
