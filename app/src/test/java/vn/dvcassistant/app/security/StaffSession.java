package vn.dvcassistant.app.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Test helper: creates staff accounts straight through {@link StaffAccounts} and logs in through the
 * real login form, keeping the session cookie. Redirects are not followed so tests see them.
 */
public final class StaffSession {

    public static final String PASSWORD = "mat-khau-thu-nghiem-dai";
    /** The default DVC_PUBLIC_URL, which tests keep. */
    public static final String PUBLIC_URL = "http://localhost:8080";

    private StaffSession() {
    }

    public static HttpClient client(EmbeddedServer server) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        return HttpClient.create(server.getURL(), configuration);
    }

    /** A new account with a unique name; returns its username. */
    public static String newUser(StaffAccounts accounts, String role, String agencyCode) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewStaffUser(username, PASSWORD, role, agencyCode, "Cán bộ " + username));
        return username;
    }

    /** Sends the request and returns the response whatever its status. */
    public static HttpResponse<String> send(HttpClient client, HttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) e.getResponse();
            return response;
        }
    }

    /**
     * Marks a form post as sent from the service's own page, as a browser does with its Origin header
     * (the default DVC_PUBLIC_URL); forms from anywhere else are refused.
     */
    public static <T extends MutableHttpRequest<?>> T origin(T request) {
        request.header(HttpHeaders.ORIGIN, PUBLIC_URL);
        return request;
    }

    /** Posts the login form and returns the session cookie, empty when the login was refused. */
    public static Optional<Cookie> login(HttpClient client, String username, String password) {
        HttpResponse<String> response = send(client, origin(HttpRequest.POST("/login",
                        Map.of("username", username, "password", password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));
        return response.getCookie("DVC_SESSION").filter(c -> !c.getValue().isEmpty());
    }

    public static Cookie loginAs(HttpClient client, StaffAccounts accounts, String role, String agencyCode) {
        return login(client, newUser(accounts, role, agencyCode), PASSWORD).orElseThrow();
    }
}
