package vn.dvcassistant.app.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LoginTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    StaffUserRepository users;
    @Inject
    JwtTokenGenerator tokens;

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
    void rightPasswordGivesAnHttpOnlyStrictSessionCookieAndLeadsToTheDashboard() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        HttpResponse<String> response = StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/login",
                        Map.of("username", username.toUpperCase(), "password", StaffSession.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));

        assertThat(response.getStatus().getCode()).isBetween(300, 399);
        assertThat(response.header(HttpHeaders.LOCATION)).isEqualTo("/quan-tri");
        String setCookie = response.getHeaders().getAll(HttpHeaders.SET_COOKIE).stream()
                .filter(h -> h.startsWith("DVC_SESSION=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Max-Age=");

        Cookie session = response.getCookie("DVC_SESSION").orElseThrow();
        Map<?, ?> me = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/admin/me").cookie(session), Map.class);
        assertThat(me.get("username")).isEqualTo(username);
        assertThat(me.get("role")).isEqualTo(Roles.EDITOR);
        assertThat(users.findByUsername(username).orElseThrow().lastLoginAt()).isNotNull();
    }

    /** The address staff type or bookmark: a browser that asks only for HTML is sent to log in, not refused. */
    @Test
    void theDashboardAddressSendsABrowserWithoutASessionToTheLoginPage() {
        for (String accept : List.of("text/html", "text/html,application/xhtml+xml",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")) {
            HttpResponse<String> response = StaffSession.send(client,
                    HttpRequest.GET("/quan-tri").header(HttpHeaders.ACCEPT, accept));
            assertThat(response.getStatus().getCode()).as(accept).isBetween(300, 399);
            assertThat(response.header(HttpHeaders.LOCATION)).as(accept).isEqualTo("/dang-nhap");
        }
    }

    @Test
    void wrongPasswordOrUnknownUserIsSentBackToTheLoginPageWithoutASession() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        for (List<String> attempt : List.of(List.of(username, "sai-mat-khau-roi-nhe"), List.of("khong-co-ai", "x"))) {
            HttpResponse<String> response = StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/login",
                            Map.of("username", attempt.get(0), "password", attempt.get(1)))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));
            assertThat(response.getStatus().getCode()).isBetween(300, 399);
            assertThat(response.header(HttpHeaders.LOCATION)).isEqualTo("/dang-nhap?loi=1");
            assertThat(response.getCookie("DVC_SESSION").map(Cookie::getValue).orElse("")).isEmpty();
        }
    }

    @Test
    void deactivatedAccountCannotLogIn() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        accounts.setActive(users.findByUsername(username).orElseThrow().id(), false);
        assertThat(StaffSession.login(client, username, StaffSession.PASSWORD)).isEmpty();
    }

    @Test
    void expiredSessionIsRefused() {
        String username = StaffSession.newUser(accounts, Roles.ADMIN, null);
        long past = Instant.now().minusSeconds(3600).getEpochSecond();
        String expired = tokens.generateToken(Map.of("sub", username, "roles", List.of(Roles.ADMIN),
                "iat", past - 60, "exp", past)).orElseThrow();
        String valid = tokens.generateToken(Map.of("sub", username, "roles", List.of(Roles.ADMIN),
                "exp", Instant.now().plusSeconds(600).getEpochSecond())).orElseThrow();

        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/users")
                .cookie(Cookie.of("DVC_SESSION", valid))).getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/users")
                .cookie(Cookie.of("DVC_SESSION", expired))).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl0sImV4cCI6OTk5OTk5OTk5OX0."
                + "c2lnbmF0dXJlLW5vdC12YWxpZC1hdC1hbGwtMTIzNDU2Nzg5MDEy";
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/users")
                .cookie(Cookie.of("DVC_SESSION", forged))).getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void logoutClearsTheCookie() {
        Cookie session = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        HttpResponse<String> response = StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/dang-xuat", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(session)));
        assertThat(response.getStatus().getCode()).isBetween(300, 399);
        assertThat(response.header(HttpHeaders.LOCATION)).isEqualTo("/dang-nhap");
        assertThat(response.getHeaders().getAll(HttpHeaders.SET_COOKIE))
                .anySatisfy(h -> assertThat(h).startsWith("DVC_SESSION=").containsIgnoringCase("Max-Age=0"));
    }

    /** A copied session cookie must not outlive the logout. */
    @Test
    void aSessionTokenReplayedAfterLogoutIsRefused() {
        Cookie session = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/me").cookie(session))
                .getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/dang-xuat", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(session)));
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/admin/me").cookie(session))
                .getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void loginPageIsInVietnameseAndPostsToLogin() {
        HttpResponse<String> page = StaffSession.send(client, HttpRequest.GET("/dang-nhap?loi=1")
                .accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.getStatus().getCode()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(page.body()).contains("Đăng nhập quản trị").contains("action=\"/login\"")
                .contains("Tên đăng nhập hoặc mật khẩu không đúng.");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    /**
     * A browser posts the login form with the page's origin only if the page's referrer policy allows it;
     * with no-referrer it sends "Origin: null", which Micronaut refuses on a local host before the login.
     */
    @Test
    void loginFormPostedByABrowserFromTheLoginPageIsAccepted() {
        HttpResponse<String> page = StaffSession.send(client, HttpRequest.GET("/dang-nhap").accept(MediaType.TEXT_HTML_TYPE));
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");

        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        String origin = "http://localhost:" + server.getPort();
        HttpResponse<String> response = StaffSession.send(client, HttpRequest.POST("/login",
                        Map.of("username", username, "password", StaffSession.PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header(HttpHeaders.ORIGIN, origin).header(HttpHeaders.REFERER, origin + "/dang-nhap")
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(response.getStatus().getCode()).isEqualTo(HttpStatus.SEE_OTHER.getCode());
        assertThat(response.getCookie("DVC_SESSION")).isPresent();
    }
}
