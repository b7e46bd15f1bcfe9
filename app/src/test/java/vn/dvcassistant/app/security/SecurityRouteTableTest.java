package vn.dvcassistant.app.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route the application has. Each route is either on the public list below (reviewed: chat,
 * ratings, satisfaction, comment submission and tracking (API and page), transparency page, aggregate statistics,
 * health, the login page) or it must answer 401 to an anonymous caller. A new controller without
 * {@code @Secured} is refused by default; a new {@code @Secured(IS_ANONYMOUS)} one fails here until
 * someone decides it belongs on the list.
 */
@MicronautTest(transactional = false)
class SecurityRouteTableTest {

    /** "METHOD template" of every route anyone may call without logging in. */
    static final Set<String> PUBLIC = Set.of(
            "GET /api/v1/ping",
            "POST /api/v1/chat",
            "POST /api/v1/consent",
            "POST /api/v1/feedback",
            "POST /api/v1/satisfaction",
            "GET /api/v1/agencies",
            // The rating's "which commune?" step on the web: names from the public agency directory.
            "GET /api/v1/communes",
            "GET /api/v1/topics",
            "GET /api/v1/topics/{id}",
            // "Nhắc tôi" on the web: a calendar file built from the entry's public deadline; nothing stored.
            "GET /api/v1/topics/{id}/nhac-han.ics",
            "GET /api/v1/search",
            "POST /api/v1/comments",
            "GET /api/v1/comments/{code}",
            "POST /api/v1/comments/{code}/information",
            "POST /api/v1/comments/{code}/contact-erasure",
            "POST /api/v1/comments/{code}/reaction",
            "GET /api/v1/stats/satisfaction",
            "GET /api/v1/stats/answers",
            "GET /api/v1/stats/comments",
            "GET /api/v1/stats/comment-replies",
            "GET /minh-bach",
            "POST /minh-bach/{code}/reaction",
            "GET /gop-y/tra-cuu",
            "POST /gop-y/tra-cuu/{code}/bo-sung",
            "POST /gop-y/tra-cuu/{code}/xoa-lien-he",
            "GET /khao-sat/{topicId}",
            "POST /khao-sat/{topicId}",
            "GET /khao-sat/{topicId}/qr.png",
            // Printable guides: the same public content as the chat, for volunteers and one-stop desks.
            "GET /api/v1/chat/welcome",
            "GET /huong-dan",
            "GET /huong-dan/{topicId}",
            "GET /huong-dan/linh-vuc/{fieldCode}",
            "GET /huong-dan/{topicId}/qr.png",
            "GET /health",
            // Channel webhooks authenticate the caller with the channel's own secret or signature
            // instead of a staff login; they answer 404 while the channel is off.
            "POST /webhooks/telegram",
            "POST /webhooks/zalo",
            "GET /health/{selector}",
            "GET /dang-nhap",
            "POST /login",
            // Logging out only clears the caller's own cookie; by GET it answers 405.
            "POST /dang-xuat",
            "GET /dang-xuat");

    /** Routes a volunteer (the narrowest role) may use; every other protected route must answer 403 to one. */
    static final Set<String> VOLUNTEER = Set.of(
            "GET /api/v1/admin/me",
            "GET /quan-tri",
            // a volunteer's overview is the page saying what they may do, not the figures
            "GET /quan-tri/tong-quan",
            "GET /quan-tri/huong-dan",
            "GET /quan-tri/khao-sat",
            "POST /quan-tri/khao-sat");

    @Inject
    Router router;
    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;

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
    void everyRouteOffThePublicListRefusesAnonymousCallers() {
        List<String> open = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            String key = key(route);
            seen.add(key);
            if (PUBLIC.contains(key)) {
                continue;
            }
            HttpResponse<String> response = StaffSession.send(client, request(route, null));
            int status = response.getStatus().getCode();
            boolean sentToLogin = status / 100 == 3 && "/dang-nhap".equals(response.header(HttpHeaders.LOCATION));
            if (status != 401 && !sentToLogin) {
                open.add(key + " -> " + status);
            }
        }
        assertThat(open).as("routes that answer anonymous callers without being on the public list").isEmpty();
        assertThat(seen).as("the walk found the staff routes").contains("GET /quan-tri/tong-quan",
                "POST /api/v1/admin/users", "POST /api/v1/admin/comments/{code}/reject",
                "POST /quan-tri/gop-y/{code}/tu-choi", "POST /quan-tri/nguoi-dung/{id}/khoa",
                "POST /api/v1/admin/users/{id}/password");
        assertThat(seen).as("every public route still exists (remove stale entries)").containsAll(PUBLIC);
    }

    @Test
    void everyStaffRouteOutsideTheVolunteerRoleAnswers403ToAVolunteer() {
        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        List<String> open = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes()) {
            String key = key(route);
            if (PUBLIC.contains(key) || VOLUNTEER.contains(key)) {
                continue;
            }
            int status = StaffSession.send(client, request(route, volunteer)).getStatus().getCode();
            if (status != 403) {
                open.add(key + " -> " + status);
            }
        }
        assertThat(open).as("staff routes a volunteer can reach").isEmpty();
    }

    /**
     * Comment handling is for admins and agency staff (the agency check is in StaffCommentActionsTest);
     * account management for admins only. Walked by path so a new action under these paths is covered.
     */
    @Test
    void commentRoutesRefuseEditorsAndAccountRoutesRefuseEveryoneButAdmins() {
        Cookie editor = StaffSession.loginAs(client, accounts, Roles.EDITOR, null);
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        List<String> open = new ArrayList<>();
        int walked = 0;
        for (UriRouteInfo<?, ?> route : routes()) {
            String key = key(route);
            String path = route.getUriMatchTemplate().toPathString();
            List<Cookie> refused = path.startsWith("/quan-tri/gop-y") || path.startsWith("/api/v1/admin/comments")
                    ? List.of(editor)
                    : path.startsWith("/quan-tri/nguoi-dung") || path.startsWith("/api/v1/admin/users")
                    ? List.of(editor, staff) : List.of();
            for (Cookie session : refused) {
                walked++;
                int status = StaffSession.send(client, request(route, session)).getStatus().getCode();
                if (status != 403) {
                    open.add(key + " -> " + status);
                }
            }
        }
        assertThat(walked).as("comment and account routes walked").isGreaterThan(20);
        assertThat(open).as("comment or account routes open to the wrong role").isEmpty();
    }

    private List<UriRouteInfo<?, ?>> routes() {
        Set<String> seenKeys = new HashSet<>();
        return router.uriRoutes()
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD && r.getHttpMethod() != HttpMethod.OPTIONS)
                .<UriRouteInfo<?, ?>>map(r -> r)
                .filter(r -> seenKeys.add(key(r)))
                .toList();
    }

    private static String key(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }

    private static MutableHttpRequest<?> request(UriRouteInfo<?, ?> route, Cookie session) {
        Map<String, Object> values = new HashMap<>();
        for (String variable : route.getUriMatchTemplate().getVariableNames()) {
            values.put(variable, "x1");
        }
        String path = route.getUriMatchTemplate().expand(values);
        List<MediaType> consumes = route.getConsumes();
        MediaType type = consumes.isEmpty() ? MediaType.APPLICATION_JSON_TYPE : consumes.get(0);
        Object body = MediaType.APPLICATION_FORM_URLENCODED_TYPE.equals(type) ? Map.of("a", "b")
                : MediaType.MULTIPART_FORM_DATA_TYPE.equals(type)
                ? io.micronaut.http.client.multipart.MultipartBody.builder().addPart("file", "a.csv",
                        MediaType.TEXT_PLAIN_TYPE, new byte[] {'a'}).build()
                : Map.of();
        MutableHttpRequest<?> request = route.getHttpMethod().permitsRequestBody()
                ? HttpRequest.create(route.getHttpMethod(), path).body(body).contentType(type)
                : HttpRequest.create(route.getHttpMethod(), path);
        // Pages ask for HTML (and are sent to the login page), the API for JSON (and gets 401).
        request.accept(route.getProduces().isEmpty() ? MediaType.APPLICATION_JSON_TYPE : route.getProduces().get(0));
        StaffSession.origin(request);
        return session == null ? request : request.cookie(session);
    }
}
