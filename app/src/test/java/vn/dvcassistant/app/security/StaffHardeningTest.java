package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ways around the login that an attacker would try: forged cross-site forms, HTTP Basic on ordinary
 * routes, guessing one account's password from many addresses.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "3")
// The test client is the "proxy", so each test can act from its own citizen address.
@Property(name = "dvc.trusted-proxies", value = "127.0.0.0/8,::1")
class StaffHardeningTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    StaffUserRepository users;

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
    void aLoginFormPostedFromAnotherSiteOrWithoutOriginIsRefused() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        for (String origin : new String[]{"https://evil.example", "null", "http://localhost:8080.evil.example"}) {
            // A public host name, as behind the province's proxy (Micronaut itself refuses foreign origins on a local host).
            HttpResponse<String> response = send(login(username).header(HttpHeaders.ORIGIN, origin)
                    .header(HttpHeaders.HOST, "dvc.tinh.gov.vn"), "192.0.2.1");
            assertThat(response.getStatus().getCode()).as(origin).isEqualTo(403);
            assertThat(response.getBody(String.class).orElse("")).contains("cross_site_request");
            assertThat(response.getCookie("DVC_SESSION")).isEmpty();
        }
        assertThat(send(login(username), "192.0.2.2").getStatus().getCode()).as("no Origin, no Referer").isEqualTo(403);
        // A Referer from the service's public address is enough when a browser leaves out Origin.
        HttpResponse<String> fromOwnPage = send(login(username).header(HttpHeaders.REFERER,
                StaffSession.PUBLIC_URL + "/dang-nhap"), "192.0.2.3");
        assertThat(fromOwnPage.getStatus().getCode()).isEqualTo(303);
        assertThat(fromOwnPage.getCookie("DVC_SESSION")).isPresent();
    }

    @Test
    void aStaffFormForgedOnAnotherSiteChangesNothing() {
        Cookie admin = session(Roles.ADMIN, "192.0.2.10");
        String name = "forged-" + System.nanoTime();
        MutableHttpRequest<?> forged = HttpRequest.POST("/quan-tri/nguoi-dung", Map.of("username", name,
                        "password", StaffSession.PASSWORD, "role", Roles.ADMIN))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(admin)
                .header(HttpHeaders.ORIGIN, "https://other.tinh.gov.vn");
        assertThat(send(forged, "192.0.2.10").getStatus().getCode()).isEqualTo(403);
        assertThat(users.findByUsername(name)).isEmpty();

        // The JSON API cannot be sent cross-site without the browser asking first; an Origin, when sent, is checked too.
        String victim = StaffSession.newUser(accounts, Roles.EDITOR, null);
        HttpResponse<String> json = send(HttpRequest.POST("/api/v1/admin/users/"
                        + users.findByUsername(victim).orElseThrow().id() + "/deactivate", "{}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).cookie(admin)
                .header(HttpHeaders.ORIGIN, "https://other.tinh.gov.vn"), "192.0.2.10");
        assertThat(json.getStatus().getCode()).isEqualTo(403);
        assertThat(users.findByUsername(victim).orElseThrow().active()).isTrue();
    }

    @Test
    void httpBasicIsIgnoredOutsideTheMetricsScraper() {
        String admin = StaffSession.newUser(accounts, Roles.ADMIN, null);
        HttpResponse<String> api = send(HttpRequest.GET("/api/v1/admin/me").basicAuth(admin, StaffSession.PASSWORD),
                "192.0.2.20");
        assertThat(api.getStatus().getCode()).isEqualTo(401);
        assertThat(send(HttpRequest.GET("/prometheus").basicAuth(admin, StaffSession.PASSWORD), "192.0.2.20")
                .getStatus().getCode()).isEqualTo(200);
    }

    @Test
    void basicAuthOnTheScraperHasTheLoginsLimitsWithRetryAfter() {
        String admin = StaffSession.newUser(accounts, Roles.ADMIN, null);
        for (int i = 0; i < 3; i++) {
            assertThat(send(HttpRequest.GET("/prometheus").basicAuth(admin, "wrong-" + i), "192.0.2.30")
                    .getStatus().getCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = send(HttpRequest.GET("/prometheus").basicAuth(admin, StaffSession.PASSWORD),
                "192.0.2.30");
        assertThat(limited.getStatus().getCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    /** Guesses spread over many addresses still stop at the account's allowance of failures. */
    @Test
    void oneAccountsFailuresFromManyAddressesLockItForAMinute() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = send(StaffSession.origin(HttpRequest.POST("/login",
                            Map.of("username", username, "password", "wrong-password-" + i))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)), "198.51.100." + i);
            assertThat(failed.header(HttpHeaders.LOCATION)).isEqualTo("/dang-nhap?loi=1");
        }
        HttpResponse<String> right = send(login(username).header(HttpHeaders.ORIGIN, StaffSession.PUBLIC_URL),
                "198.51.100.50");
        assertThat(right.header(HttpHeaders.LOCATION)).isEqualTo("/dang-nhap?loi=1");
        assertThat(right.getCookie("DVC_SESSION").map(Cookie::getValue).orElse("")).isEmpty();
    }

    @Test
    void theNewAccountFormOffersTheLeastPrivilegedRoleFirstAndSelected() {
        Cookie admin = session(Roles.ADMIN, "192.0.2.40");
        String page = send(HttpRequest.GET("/quan-tri/nguoi-dung").accept(MediaType.TEXT_HTML_TYPE).cookie(admin),
                "192.0.2.40").body();
        String select = page.substring(page.indexOf("<select id=\"role\""), page.indexOf("</select>", page.indexOf("<select id=\"role\"")));
        assertThat(select).containsPattern("<option value=\"VOLUNTEER\" selected=\"selected\">");
        assertThat(select.indexOf("VOLUNTEER")).isLessThan(select.indexOf("ADMIN"));
        assertThat(select).doesNotContainPattern("value=\"ADMIN\" selected");
        assertThat(page).contains("ghi phiếu khảo sát cùng người dân");
    }

    private Cookie session(String role, String address) {
        String username = StaffSession.newUser(accounts, role, null);
        return send(login(username).header(HttpHeaders.ORIGIN, StaffSession.PUBLIC_URL), address)
                .getCookie("DVC_SESSION").orElseThrow();
    }

    private static MutableHttpRequest<?> login(String username) {
        return HttpRequest.POST("/login", Map.of("username", username, "password", StaffSession.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request, String citizenAddress) {
        return StaffSession.send(client, request.header("X-Forwarded-For", citizenAddress));
    }
}
