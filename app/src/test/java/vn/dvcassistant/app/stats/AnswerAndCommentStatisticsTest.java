package vn.dvcassistant.app.stats;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AnswerAndCommentStatisticsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AnswerStatistics answers;

    @Inject
    CommentStatistics comments;

    @Inject
    CommentService commentService;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void unansweredQuestionsAreGroupedAndCountedForEditors() {
        String question = "Cách nấu phở bò ngon " + UUID.randomUUID().toString().substring(0, 8);
        Map<?, ?> first = chat(question);
        chat("  " + question.toUpperCase() + "  ");
        assertThat(first.get("kind")).isEqualTo("fallback");

        assertThat(answers.unanswered(Period.ALL, 1000))
                .filteredOn(q -> q.question().toLowerCase().contains(question.substring(question.length() - 8).toLowerCase()))
                .singleElement().satisfies(q -> assertThat(q.count()).isEqualTo(2));

        Map<?, ?> summary = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/answers"), Map.class);
        assertThat(((Number) summary.get("fallbacks")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(((Number) summary.get("fallbackRate")).doubleValue()).isBetween(0.0, 1.0);
        assertThat(summary.containsKey("unanswered")).isFalse();
    }

    @Test
    void overdueCommentsAreListedAndCountedPerAgency() {
        String code = commentService.submit(new CommentSubmission("Hồ sơ giáo dục trễ hẹn", null, "giao-duc", "web",
                true, "Trần Thị B", "0987654321", null, null)).code();
        // As if it had been received a month ago and nobody acted on it.
        execute("UPDATE citizen_comment SET answer_due = current_date - 10, received_at = now() - interval '30 days' "
                + "WHERE code = '" + code + "'");

        assertThat(comments.overdue("SO-GDDT")).anySatisfy(o -> {
            assertThat(o.code()).isEqualTo(code);
            assertThat(o.status()).isEqualTo("received");
            assertThat(o.workingDaysLate()).isPositive();
        });

        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/comments?agency=SO-GDDT")
                .accept(MediaType.APPLICATION_JSON_TYPE), String.class);
        assertThat(body).contains("\"overdue\":").contains("Sở Giáo dục và Đào tạo")
                .doesNotContain(code).doesNotContain("0987654321").doesNotContain("Trần Thị B");
        CommentReport report = comments.compute(Period.ALL, "SO-GDDT");
        assertThat(report.total().overdue()).isGreaterThanOrEqualTo(1);
        assertThat(report.total().acknowledgedShare()).isLessThan(1.0);
    }

    private Map<?, ?> chat(String text) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", "stats-" + UUID.randomUUID(), "text", text))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
    }

    private void execute(String sql) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
