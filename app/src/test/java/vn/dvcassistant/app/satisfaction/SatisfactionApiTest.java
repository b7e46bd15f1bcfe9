package vn.dvcassistant.app.satisfaction;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import io.micronaut.http.cookie.Cookie;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest(transactional = false)
class SatisfactionApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    DataSource dataSource;

    @Inject
    SurveyTokens tokens;

    @Inject
    StaffAccounts accounts;

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Test
    void ratingIsStoredWithTheTopicsFieldAndAnswers201() {
        String poster = tokens.issue("cap-giay-chung-nhan-lan-dau", "SO-NNMT", LocalDate.now().plusDays(7));
        HttpResponse<Map> response = client.toBlocking().exchange(post(Map.of(
                "topicId", "cap-giay-chung-nhan-lan-dau", "level", "hai_long", "agency", "SO-NNMT",
                "channel", "survey", "token", poster, "comment", "Cán bộ nhiệt tình. CCCD 001203004567")), Map.class);

        assertThat(response.code()).isEqualTo(201);
        Map<?, ?> body = response.body();
        assertThat(body.get("field")).isEqualTo("dat-dai");
        assertThat(body.get("satisfied")).isEqualTo(true);
        long id = ((Number) body.get("id")).longValue();
        assertThat(stored(id)).isEqualTo("dat-dai|SO-NNMT|survey|hai_long|true|Cán bộ nhiệt tình. CCCD [số giấy tờ]");
    }

    @Test
    void agencyIsOptional() {
        String poster = tokens.issue("dang-ky-khai-sinh", null, LocalDate.now().plusDays(7));
        HttpResponse<Map> response = client.toBlocking().exchange(post(Map.of(
                "topicId", "dang-ky-khai-sinh", "level", "khong_hai_long", "channel", "survey", "token", poster)),
                Map.class);
        assertThat(response.code()).isEqualTo(201);
        assertThat(stored(((Number) response.body().get("id")).longValue()))
                .isEqualTo("ho-tich||survey|khong_hai_long|false|null");
    }

    /** Anyone can call the API: a rating counts only when it can be traced to how it was collected. */
    @Test
    void untraceableRatingsAreRefusedOnEveryChannel() {
        long before = ratingsOf("dang-ky-khai-sinh");
        Map<String, Object> rating = new HashMap<>(Map.of("topicId", "dang-ky-khai-sinh", "level", "rat_hai_long"));
        rating.put("channel", "web");
        assertThat(errorOf(rating)).as("web without its chat session").isEqualTo("403 untraceable_rating");
        for (String channel : new String[] {"telegram", "zalo", "periodic"}) {
            rating.put("channel", channel);
            assertThat(errorOf(rating)).as(channel).isEqualTo("403 rating_channel_not_open");
        }
        rating.put("channel", "assisted");
        assertThat(errorOf(rating)).as("assisted without a login").isEqualTo("401 staff_login_required");
        rating.put("channel", "survey");
        assertThat(errorOf(rating)).isEqualTo("400 missing_token");
        rating.put("token", tokens.issue("dang-ky-khai-sinh", null, LocalDate.now().minusDays(1)));
        assertThat(errorOf(rating)).as("an expired poster").isEqualTo("403 invalid_token");
        assertThat(ratingsOf("dang-ky-khai-sinh")).isEqualTo(before);
    }

    @Test
    void assistedRatingsComeOnlyFromAVolunteerOrAnAdmin() {
        Map<String, Object> rating = Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long", "channel", "assisted");
        HttpClient client = StaffSession.client(server);
        Cookie editor = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        HttpResponse<String> refused = StaffSession.send(client, post(rating).cookie(editor));
        assertThat(refused.getStatus().getCode()).isEqualTo(403);
        assertThat(refused.body()).contains("assisted_needs_volunteer");

        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        HttpResponse<String> taken = StaffSession.send(client, post(rating).cookie(volunteer));
        assertThat(taken.getStatus().getCode()).isEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource({
            "khong-co-thu-tuc-nay, hai_long, web, , unknown_topic",
            ", hai_long, web, , unknown_topic",
            "dang-ky-khai-sinh, hai-long, web, , unknown_level",
            "dang-ky-khai-sinh, , web, , unknown_level",
            "dang-ky-khai-sinh, hai_long, facebook, , unknown_rating_channel",
            "dang-ky-khai-sinh, hai_long, web, SO-KHONG-CO, unknown_agency",
            "dang-ky-khai-sinh, hai_long, web, SO-NNMT, agency_not_for_field"})
    void badValuesAre400WithTheirCode(String topicId, String level, String channel, String agency, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("topicId", topicId);
        body.put("level", level);
        body.put("channel", channel);
        body.put("agency", agency);
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body), Map.class));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> error = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(error.get("error")).isEqualTo(code);
        assertThat((String) error.get("message")).isNotBlank().doesNotContain("error.");
    }

    @Test
    void aWebChatSessionRatesAProcedureOnlyAfterBeingOfferedItAndOnlyOnce() {
        String session = "sat-web-" + System.nanoTime();
        Map<String, Object> rating = new HashMap<>(Map.of(
                "topicId", "dang-ky-ket-hon", "level", "rat_hai_long", "channel", "web", "sessionId", session));

        // Before the chat answered about the procedure, nothing was offered: a forged or stale press.
        assertThat(errorOf(rating)).isEqualTo("409 satisfaction_not_offered");

        Map<?, ?> reply = client.toBlocking().retrieve(HttpRequest.POST("/api/v1/chat",
                Map.of("sessionId", session, "text", "đăng ký kết hôn cần giấy tờ gì")), Map.class);
        assertThat(((Map<?, ?>) reply.get("satisfactionPrompt")).get("topicId")).isEqualTo("dang-ky-ket-hon");

        long before = ratingsOf("dang-ky-ket-hon");
        assertThat(client.toBlocking().exchange(post(rating), Map.class).code()).isEqualTo(201);
        rating.put("level", "khong_hai_long"); // pressing again, or another button, after a reload
        assertThat(errorOf(rating)).isEqualTo("409 already_rated");
        assertThat(ratingsOf("dang-ky-ket-hon")).isEqualTo(before + 1);

        rating.put("level", "sai-muc");
        assertThat(errorOf(rating)).as("a wrong value is a 400 before any session check").isEqualTo("400 unknown_level");
        rating.put("channel", "telegram");
        assertThat(errorOf(rating)).isEqualTo("400 session_only_for_web");
    }

    @Test
    void agenciesAreListed() {
        Object[] agencies = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/agencies"), Object[].class);
        assertThat(agencies).isNotEmpty();
    }

    private String errorOf(Map<String, ?> body) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(post(body), Map.class));
        assertThat(e).as("refused").isNotNull();
        Map<?, ?> error = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat((String) error.get("message")).isNotBlank().doesNotContain("error.");
        return e.getStatus().getCode() + " " + error.get("error");
    }

    private long ratingsOf(String topicId) {
        return new RawSql(dataSource).count("SELECT count(*) FROM satisfaction_rating WHERE topic_id = ?", topicId);
    }

    private static io.micronaut.http.MutableHttpRequest<?> post(Map<String, ?> body) {
        return HttpRequest.POST("/api/v1/satisfaction", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private String stored(long id) {
        return transactions.executeRead(status -> {
            try (PreparedStatement q = status.getConnection().prepareStatement(
                    "SELECT field, agency, channel, level, satisfied, comment FROM satisfaction_rating WHERE id = ?")) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    return String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            String.valueOf(rs.getBoolean(5)), String.valueOf(rs.getString(6)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
