package vn.dvcassistant.app.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Admins deactivate, reactivate and re-key staff accounts; the account's open sessions end with it. */
@MicronautTest(transactional = false)
// Many logins in a few seconds, well over the per-address limit that protects the real login form.
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class StaffUserAdminTest {

    private static final String NEW_PASSWORD = "mot-mat-khau-moi-du-dai";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    DataSource dataSource;

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
    void aDeactivatedUserCannotLogInAndTheirOpenSessionEndsAtTheNextRequest() {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        String username = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-TP");
        Cookie staff = StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();
        assertThat(me(staff)).isEqualTo(200);

        HttpResponse<String> locked = form("/quan-tri/nguoi-dung/" + id(username) + "/khoa", Map.of(), admin);
        assertThat(locked.getStatus().getCode()).isEqualTo(303);
        assertThat(locked.header(HttpHeaders.LOCATION)).isEqualTo("/quan-tri/nguoi-dung?xong=deactivated");
        assertThat(page(admin)).contains("Đã khóa tài khoản.", "Đã khóa");

        assertThat(me(staff)).as("the open session").isEqualTo(401);
        HttpResponse<String> dashboard = StaffSession.send(client, HttpRequest.GET("/quan-tri/gop-y").cookie(staff)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertThat(dashboard.header(HttpHeaders.LOCATION)).as("a browser is sent to the login page").isEqualTo("/dang-nhap");
        assertThat(StaffSession.login(client, username, StaffSession.PASSWORD)).isEmpty();

        assertThat(form("/quan-tri/nguoi-dung/" + id(username) + "/mo-khoa", Map.of(), admin).getStatus().getCode())
                .isEqualTo(303);
        assertThat(me(staff)).as("reactivating does not revive old sessions").isEqualTo(401);
        assertThat(me(StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow())).isEqualTo(200);
    }

    @Test
    void aNewPasswordSetByAnAdminReplacesTheOldOneAndEndsOldSessions() {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        Cookie old = StaffSession.login(client, username, StaffSession.PASSWORD).orElseThrow();

        HttpResponse<String> weak = form("/quan-tri/nguoi-dung/" + id(username) + "/mat-khau",
                Map.of("password", "ngan"), admin);
        assertThat(weak.getStatus().getCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Mật khẩu cần ít nhất 12 ký tự");
        assertThat(me(old)).as("a refused reset changes nothing").isEqualTo(200);

        HttpResponse<String> reset = form("/quan-tri/nguoi-dung/" + id(username) + "/mat-khau",
                Map.of("password", NEW_PASSWORD), admin);
        assertThat(reset.getStatus().getCode()).isEqualTo(303);
        assertThat(StaffSession.login(client, username, StaffSession.PASSWORD)).isEmpty();
        assertThat(me(old)).isEqualTo(401);
        Cookie fresh = StaffSession.login(client, username, NEW_PASSWORD).orElseThrow();
        assertThat(me(fresh)).isEqualTo(200);
        assertThat(new RawSql(dataSource).column("SELECT password_hash FROM staff_user WHERE username = ?", username))
                .singleElement().asString().startsWith("$2b$").doesNotContain(NEW_PASSWORD);

        // The JSON twin, for scripts.
        HttpResponse<String> json = StaffSession.send(client, HttpRequest.POST("/api/v1/admin/users/" + id(username)
                + "/password", Map.of("password", StaffSession.PASSWORD)).cookie(admin));
        assertThat(json.getStatus().getCode()).isEqualTo(200);
        assertThat(json.body()).doesNotContain("passwordHash").contains(username);
        assertThat(me(fresh)).isEqualTo(401);
    }

    @Test
    void theLastActiveAdminCannotBeDeactivated() {
        // The database is shared with other test classes: leave exactly one active admin, the one made here.
        new RawSql(dataSource).update("UPDATE staff_user SET active = FALSE WHERE role = 'ADMIN'");
        String first = StaffSession.newUser(accounts, Roles.ADMIN, null);
        Cookie firstSession = StaffSession.login(client, first, StaffSession.PASSWORD).orElseThrow();

        HttpResponse<String> self = form("/quan-tri/nguoi-dung/" + id(first) + "/khoa", Map.of(), firstSession);
        assertThat(self.getStatus().getCode()).isEqualTo(400);
        assertThat(self.body()).contains("Không thể khóa quản trị viên cuối cùng còn hoạt động.");
        HttpResponse<String> json = StaffSession.send(client, HttpRequest.POST("/api/v1/admin/users/" + id(first)
                + "/deactivate", Map.of()).cookie(firstSession));
        assertThat(json.getStatus().getCode()).isEqualTo(400);
        assertThat(json.body()).contains("last_active_admin");

        String second = StaffSession.newUser(accounts, Roles.ADMIN, null);
        Cookie secondSession = StaffSession.login(client, second, StaffSession.PASSWORD).orElseThrow();
        assertThat(form("/quan-tri/nguoi-dung/" + id(first) + "/khoa", Map.of(), firstSession).getStatus().getCode())
                .as("with another admin active, one may step down").isEqualTo(303);
        assertThat(me(firstSession)).isEqualTo(401);
        assertThat(form("/quan-tri/nguoi-dung/" + id(second) + "/khoa", Map.of(), secondSession).getStatus().getCode())
                .isEqualTo(400);
        assertThat(me(secondSession)).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageAccounts() {
        String target = StaffSession.newUser(accounts, Roles.EDITOR, null);
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        Cookie editor = StaffSession.login(client, target, StaffSession.PASSWORD).orElseThrow();
        for (String action : new String[] {"khoa", "mo-khoa", "mat-khau"}) {
            String path = "/quan-tri/nguoi-dung/" + id(target) + "/" + action;
            Map<String, String> body = Map.of("password", NEW_PASSWORD);
            assertThat(form(path, body, staff).getStatus().getCode()).as(action).isEqualTo(403);
            assertThat(form(path, body, editor).getStatus().getCode()).as(action + " on oneself").isEqualTo(403);
            assertThat(form(path, body, null).header(HttpHeaders.LOCATION)).as(action).isEqualTo("/dang-nhap");
        }
        for (String action : new String[] {"deactivate", "activate", "password"}) {
            String path = "/api/v1/admin/users/" + id(target) + "/" + action;
            Map<String, String> body = Map.of("password", NEW_PASSWORD);
            assertThat(StaffSession.send(client, HttpRequest.POST(path, body).cookie(staff)).getStatus().getCode())
                    .as(action).isEqualTo(403);
            assertThat(StaffSession.send(client, HttpRequest.POST(path, body)).getStatus().getCode())
                    .as(action).isEqualTo(401);
        }
        assertThat(me(editor)).as("nothing changed for the target").isEqualTo(200);
        assertThat(StaffSession.login(client, target, StaffSession.PASSWORD)).isPresent();
    }

    private int me(Cookie session) {
        return StaffSession.send(client, HttpRequest.GET("/api/v1/admin/me").cookie(session)).getStatus().getCode();
    }

    private String page(Cookie admin) {
        return StaffSession.send(client, HttpRequest.GET("/quan-tri/nguoi-dung?xong=deactivated").cookie(admin)
                .accept(MediaType.TEXT_HTML_TYPE)).body();
    }

    private UUID id(String username) {
        return accounts.find(username).orElseThrow().id();
    }

    private HttpResponse<String> form(String path, Map<String, String> body, Cookie session) {
        var request = StaffSession.origin(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE));
        return StaffSession.send(client, session == null ? request : request.cookie(session));
    }
}
