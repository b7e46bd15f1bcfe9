package vn.dvcassistant.app.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Text PostgreSQL cannot store, or that the form decoder cannot read, is the client's error: 400, never 500. */
@MicronautTest(transactional = false)
class StoredTextInputTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    JsonMapper json;

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
    void aNulCharacterIsRefusedWherePeopleTypeText() throws IOException {
        String nul = "Góp ý\u0000 thêm";
        assertRefused(json("/api/v1/comments", Map.of("text", nul, "consent", false)), "control_characters");
        assertRefused(json("/api/v1/comments", Map.of("text", "Góp ý", "consent", true, "name", nul)), "control_characters");
        assertRefused(json("/api/v1/satisfaction", Map.of("topicId", "dang-ky-khai-sinh", "level", "hai_long",
                "channel", "web", "comment", nul)), "control_characters");
        assertRefused(json("/api/v1/feedback", Map.of("messageId", "00000000-0000-0000-0000-000000000000",
                "helpful", true, "comment", nul)), "control_characters");
        assertRefused(form("/khao-sat/dang-ky-khai-sinh", "level=hai_long&comment=abc%00def", null), "control_characters");
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        assertRefused(form("/quan-tri/nguoi-dung", "username=nul-user&password=" + StaffSession.PASSWORD
                + "&role=EDITOR&displayName=An%00", admin), "control_characters");
        // Raw in a JSON body too.
        assertRefused(HttpRequest.POST("/api/v1/comments", "{\"text\":\"a\u0000b\",\"consent\":false}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), "control_characters");
    }

    @Test
    void brokenPercentEncodingAndOverLongFieldsNameTheField() throws IOException {
        Map<String, Object> broken = assertRefused(form("/khao-sat/dang-ky-khai-sinh", "level=hai_long&comment=50%ZZ", null),
                "malformed_form");
        assertThat(broken.get("field")).isEqualTo("comment");

        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        Map<String, Object> tooLong = assertRefused(json("/api/v1/admin/users", Map.of("username", "long-name",
                "password", StaffSession.PASSWORD, "role", "EDITOR", "displayName", "a".repeat(4001))).cookie(admin),
                "field_too_long");
        assertThat(tooLong.get("field")).isEqualTo("displayName");
        // The staff page says it in the page.
        HttpResponse<String> page = StaffSession.send(client, form("/quan-tri/nguoi-dung", "username=long-name&password="
                + StaffSession.PASSWORD + "&role=EDITOR&displayName=" + "a".repeat(4001), admin)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.getStatus().getCode()).isEqualTo(400);
        assertThat(page.getBody(String.class).orElse("")).contains("Nội dung quá dài");
        assertThat(accounts.find("long-name")).isEmpty();
    }

    private MutableHttpRequest<?> json(String path, Map<String, Object> body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private MutableHttpRequest<?> form(String path, String body, Cookie session) {
        MutableHttpRequest<?> request = StaffSession.origin(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        return session == null ? request : request.cookie(session);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> assertRefused(MutableHttpRequest<?> request, String code) throws IOException {
        HttpResponse<String> response = StaffSession.send(client, request);
        assertThat(response.getStatus().getCode()).as(request.getPath()).isEqualTo(400);
        String text = response.getBody(String.class).orElse("");
        Map<String, Object> body = json.readValue(text, Map.class);
        assertThat(body.get("error")).as(request.getPath()).isEqualTo(code);
        assertThat((String) body.get("message")).isNotBlank();
        return body;
    }
}
