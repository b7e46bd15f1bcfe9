package vn.dvcassistant.app.feedback;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AnswerRatingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AnswerRatingService ratings;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void firstRatingIsCreatedAndRatingAgainReplacesIt() {
        UUID messageId = askSomething("làm căn cước ở đâu");

        HttpResponse<Map> first = post(Map.of("messageId", messageId.toString(), "helpful", true));
        assertThat(first.code()).isEqualTo(201);
        assertThat(first.body()).containsEntry("changed", false).containsEntry("helpful", true);

        HttpResponse<Map> second = post(Map.of("messageId", messageId.toString(), "helpful", false,
                "comment", "Thiếu lệ phí, gọi tôi 0912345678"));
        assertThat(second.code()).isEqualTo(200);
        assertThat(second.body()).containsEntry("changed", true).containsEntry("helpful", false);

        Map<String, Object> row = row(messageId);
        assertThat(row).containsEntry("count", 1L).containsEntry("helpful", false);
        assertThat((String) row.get("reason")).contains("Thiếu lệ phí").doesNotContain("0912345678");
    }

    @Test
    void channelAdaptersRateThroughTheService() {
        UUID messageId = askSomething("đăng ký khai sinh");
        assertThat(ratings.rate(messageId, true, null, Channel.TELEGRAM)).isTrue();
        assertThat(ratings.rate(messageId, true, "rõ ràng", Channel.TELEGRAM)).isFalse();
        assertThat(row(messageId)).containsEntry("channel", "telegram").containsEntry("count", 1L);
    }

    @Test
    void unknownMessageIs404WithErrorJson() {
        HttpClientResponseException e = refused(Map.of("messageId", UUID.randomUUID().toString(), "helpful", true));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(body.get("error")).isEqualTo("unknown_message");
        assertThat((String) body.get("message")).contains("Không tìm thấy");
    }

    @Test
    void malformedIdOrMissingChoiceIs400() {
        assertThat(refused(Map.of("messageId", "abc", "helpful", true)).getResponse().getBody(Map.class)
                .orElseThrow().get("error")).isEqualTo("invalid_message_id");
        assertThat(refused(Map.of("messageId", UUID.randomUUID().toString())).getResponse().getBody(Map.class)
                .orElseThrow().get("error")).isEqualTo("missing_helpful");
    }

    @Test
    void aChoiceThatIsNotTrueOrFalseIs400AndStoresNothing() {
        UUID messageId = askSomething("đăng ký tạm trú");
        for (Object garbled : new Object[] {"maybe", "true", 1, java.util.List.of(1)}) {
            HttpClientResponseException e = refused(Map.of("messageId", messageId.toString(), "helpful", garbled));
            assertThat(e.getStatus().getCode()).as("helpful: %s", garbled).isEqualTo(400);
            assertThat((String) e.getResponse().getBody(Map.class).orElseThrow().get("message")).isNotBlank();
        }
        long stored = transactions.executeRead(status -> {
            try (PreparedStatement q = status.getConnection().prepareStatement(
                    "SELECT count(*) FROM answer_rating WHERE message_id = ?")) {
                q.setObject(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertThat(stored).isZero();
    }

    private UUID askSomething(String text) {
        Map<?, ?> reply = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", "rating-" + UUID.randomUUID(), "text", text))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        return UUID.fromString((String) reply.get("messageId"));
    }

    private HttpResponse<Map> post(Map<String, ?> body) {
        return client.toBlocking().exchange(HttpRequest.POST("/api/v1/feedback", new LinkedHashMap<>(body))
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
    }

    private HttpClientResponseException refused(Map<String, ?> body) {
        return (HttpClientResponseException) org.assertj.core.api.Assertions.catchThrowable(() -> post(body));
    }

    private Map<String, Object> row(UUID messageId) {
        return transactions.executeRead(status -> {
            try (PreparedStatement q = status.getConnection().prepareStatement(
                    "SELECT count(*) OVER (), helpful, reason, channel FROM answer_rating WHERE message_id = ?")) {
                q.setObject(1, messageId);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("count", rs.getLong(1));
                    row.put("helpful", rs.getBoolean(2));
                    row.put("reason", rs.getString(3));
                    row.put("channel", rs.getString(4));
                    return row;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
