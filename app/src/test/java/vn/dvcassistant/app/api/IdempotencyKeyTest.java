package vn.dvcassistant.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.satisfaction.SurveyTokens;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that retries a rating or a comment with the same Idempotency-Key stores it once. */
@MicronautTest(transactional = false)
class IdempotencyKeyTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    JsonMapper json;
    @Inject
    SurveyTokens surveys;

    HttpClient client;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRetriedRatingIsCountedOnceAndAnsweredAsTheFirstTime() throws IOException {
        RawSql sql = new RawSql(dataSource);
        String key = "rating-" + UUID.randomUUID();
        long before = sql.count("SELECT count(*) FROM satisfaction_rating");
        Map<String, Object> rating = Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "survey",
                "token", poster());

        HttpResponse<String> first = post("/api/v1/satisfaction", rating, key);
        HttpResponse<String> retry = post("/api/v1/satisfaction", rating, key);

        assertThat(first.getStatus().getCode()).isEqualTo(201);
        assertThat(retry.getStatus().getCode()).isEqualTo(201);
        assertThat(body(retry).get("id")).isEqualTo(body(first).get("id"));
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating")).isEqualTo(before + 1);

        // Without a key, or with another one, it is a new rating.
        assertThat(post("/api/v1/satisfaction", rating, null).getStatus().getCode()).isEqualTo(201);
        assertThat(sql.count("SELECT count(*) FROM satisfaction_rating")).isEqualTo(before + 2);
    }

    @Test
    void aRetriedCommentGetsTheFirstTrackingCode() throws IOException {
        RawSql sql = new RawSql(dataSource);
        String key = "comment-" + UUID.randomUUID();
        // Letters only: the stored text is masked, and a UUID's digit groups can read as a phone number.
        String text = "Góp ý thử " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Map<String, Object> comment = Map.of("text", text, "field", "ho-tich", "consent", false);

        String code = (String) body(post("/api/v1/comments", comment, key)).get("code");
        assertThat(body(post("/api/v1/comments", comment, key)).get("code")).isEqualTo(code);
        assertThat(sql.count("SELECT count(*) FROM citizen_comment WHERE text = ?", text)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestFreesItsKeyAndAMalformedKeyIsRefused() throws IOException {
        String key = "fix-" + UUID.randomUUID();
        assertThat(post("/api/v1/satisfaction", Map.of("topicId", "dang-ky-khai-sinh", "level", "rat_tot",
                "channel", "survey", "token", poster()), key).getStatus().getCode()).isEqualTo(400);
        assertThat(post("/api/v1/satisfaction", Map.of("topicId", "dang-ky-khai-sinh", "level", "rat_hai_long",
                "channel", "survey", "token", poster()), key).getStatus().getCode()).isEqualTo(201);

        HttpResponse<String> malformed = post("/api/v1/satisfaction", Map.of("topicId", "dang-ky-khai-sinh",
                "level", "hai_long", "channel", "web"), "khóa có dấu cách");
        assertThat(malformed.getStatus().getCode()).isEqualTo(400);
        assertThat(body(malformed)).containsEntry("error", "invalid_idempotency_key")
                .containsEntry("field", "Idempotency-Key");
    }

    /** The token a printed survey poster for birth registration carries. */
    private String poster() {
        return surveys.issue("dang-ky-khai-sinh", null, LocalDate.now().plusDays(30));
    }

    private HttpResponse<String> post(String path, Map<String, Object> body, String key) {
        var request = HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return StaffSession.send(client, request);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(HttpResponse<String> response) throws IOException {
        return json.readValue(response.getBody(String.class).orElseThrow(), Map.class);
    }
}
