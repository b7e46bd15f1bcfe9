package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/** The Zalo HTTP calls we make, one attempt each; retrying is the sender's business. */
final class ZaloApiClient {

    /**
     * Zalo's answer to a send: HTTP status, Zalo's error code (0 = success; null when the body was not
     * Zalo's JSON, a proxy's error page for example), its message, and the new message's id.
     */
    record SendResponse(int httpStatus, Integer error, String message, String messageId) {}

    /** Either new tokens or the reason Zalo refused to refresh. */
    record RefreshResponse(ZaloTokens tokens, String failureReason) {}

    static final String SEND_PATH = "/v3.0/oa/message/cs";
    static final String REFRESH_PATH = "/v4/oa/access_token";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ZaloConfig config;
    private final HttpClient http;
    private final Clock clock;

    ZaloApiClient(ZaloConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** A consultation message (POST {api}/v3.0/oa/message/cs). */
    SendResponse send(String accessToken, String body) throws IOException, InterruptedException {
        return post(resolve(config.apiBaseUrl(), SEND_PATH), accessToken, body);
    }

    /** A template message, to the configured address. */
    SendResponse sendTemplate(String accessToken, String body) throws IOException, InterruptedException {
        return post(config.templateUrl(), accessToken, body);
    }

    private SendResponse post(URI url, String accessToken, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("access_token", accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = parse(response.body());
        if (json == null || !json.has("error")) {
            return new SendResponse(response.statusCode(), null, abbreviate(response.body()), null);
        }
        // Consultation messages answer data.message_id, template messages data.msg_id.
        JsonNode data = json.path("data");
        String messageId = data.path("message_id").asText(data.path("msg_id").asText(null));
        return new SendResponse(response.statusCode(), json.path("error").asInt(), json.path("message").asText(""),
                messageId);
    }

    RefreshResponse refresh(String refreshToken) throws IOException, InterruptedException {
        String form = "refresh_token=" + encode(refreshToken)
                + "&app_id=" + encode(config.appId())
                + "&grant_type=refresh_token";
        HttpRequest request = HttpRequest.newBuilder(resolve(config.oauthBaseUrl(), REFRESH_PATH))
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("secret_key", config.appSecret())
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = parse(response.body());
        if (json != null && json.hasNonNull("access_token") && json.hasNonNull("refresh_token")) {
            Instant expiresAt = json.hasNonNull("expires_in")
                    ? clock.instant().plusSeconds(json.get("expires_in").asLong())
                    : null;
            return new RefreshResponse(
                    new ZaloTokens(json.get("access_token").asText(), json.get("refresh_token").asText(), expiresAt),
                    null);
        }
        String reason = json == null ? abbreviate(response.body())
                : json.path("error_description").asText(json.path("error_name").asText(abbreviate(response.body())));
        return new RefreshResponse(null, "token refresh refused (HTTP " + response.statusCode() + "): " + reason);
    }

    private static URI resolve(URI base, String path) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return URI.create(root + path);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
