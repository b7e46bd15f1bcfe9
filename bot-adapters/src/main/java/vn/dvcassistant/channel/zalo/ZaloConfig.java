package vn.dvcassistant.channel.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import vn.dvcassistant.channel.RetryPolicy;

/**
 * Settings of one Zalo Official Account. Zalo uses two different secrets: the OA secret key signs webhooks,
 * the app secret authenticates token refreshes.
 *
 * @param appId          Zalo app id (app_id in webhooks and refresh requests)
 * @param appSecret      the app's secret key, sent as the secret_key header when refreshing the access token
 * @param oaSecretKey    the OA secret key ("Khóa bí mật của OA") that signs X-ZEvent-Signature
 * @param apiBaseUrl     OpenAPI server, {@value #DEFAULT_API_BASE_URL}
 * @param oauthBaseUrl   OAuth server, {@value #DEFAULT_OAUTH_BASE_URL}
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-request timeout
 * @param retryPolicy    retries on HTTP 429 and 5xx
 */
public record ZaloConfig(
        String appId,
        String appSecret,
        String oaSecretKey,
        URI apiBaseUrl,
        URI oauthBaseUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retryPolicy) {

    public static final String DEFAULT_API_BASE_URL = "https://openapi.zalo.me";
    public static final String DEFAULT_OAUTH_BASE_URL = "https://oauth.zaloapp.com";

    public ZaloConfig {
        requireText(appId, "appId");
        requireText(appSecret, "appSecret");
        requireText(oaSecretKey, "oaSecretKey");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(oauthBaseUrl, "oauthBaseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** Public Zalo servers, 5 s connect, 15 s per request, default retries. */
    public static ZaloConfig of(String appId, String appSecret, String oaSecretKey) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, URI.create(DEFAULT_API_BASE_URL),
                URI.create(DEFAULT_OAUTH_BASE_URL), Duration.ofSeconds(5), Duration.ofSeconds(15), RetryPolicy.DEFAULT);
    }

    public ZaloConfig withBaseUrls(URI api, URI oauth) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, api, oauth, connectTimeout, requestTimeout, retryPolicy);
    }

    public ZaloConfig withRetryPolicy(RetryPolicy policy) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, apiBaseUrl, oauthBaseUrl, connectTimeout, requestTimeout,
                policy);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Zalo " + name + " is required");
        }
    }

    @Override
    public String toString() {
        return "ZaloConfig[appId=" + appId + ", apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl + "]";
    }
}
