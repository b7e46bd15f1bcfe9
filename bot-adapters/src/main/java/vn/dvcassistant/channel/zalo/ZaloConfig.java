package vn.dvcassistant.channel.zalo;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import vn.dvcassistant.channel.RetryPolicy;

/**
 * Settings of one Zalo Official Account. Zalo uses two different secrets: the OA secret key signs webhooks,
 * the app secret authenticates token refreshes.
 *
 * @param appId              Zalo app id (app_id in webhooks and refresh requests)
 * @param appSecret          the app's secret key, sent as the secret_key header when refreshing the access token
 * @param oaSecretKey        the OA secret key ("Khóa bí mật của OA") that signs X-ZEvent-Signature
 * @param apiBaseUrl         OpenAPI server, {@value #DEFAULT_API_BASE_URL}
 * @param oauthBaseUrl       OAuth server, {@value #DEFAULT_OAUTH_BASE_URL}
 * @param templateUrl        where template messages are posted, {@value #DEFAULT_TEMPLATE_URL} (the whole address:
 *                           it is on another host than the OpenAPI)
 * @param connectTimeout     TCP connect timeout
 * @param requestTimeout     whole-request timeout
 * @param retryPolicy        retries on HTTP 429 and 5xx and on Zalo's -32 and -100
 * @param tokenRefreshMargin the access token is refreshed this long before Zalo said it expires
 */
public record ZaloConfig(
        String appId,
        String appSecret,
        String oaSecretKey,
        URI apiBaseUrl,
        URI oauthBaseUrl,
        URI templateUrl,
        Duration connectTimeout,
        Duration requestTimeout,
        RetryPolicy retryPolicy,
        Duration tokenRefreshMargin) {

    public static final String DEFAULT_API_BASE_URL = "https://openapi.zalo.me";
    public static final String DEFAULT_OAUTH_BASE_URL = "https://oauth.zaloapp.com";
    public static final String DEFAULT_TEMPLATE_URL = "https://business.openapi.zalo.me/message/template";
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofHours(1);

    public ZaloConfig {
        requireText(appId, "appId");
        requireText(appSecret, "appSecret");
        requireText(oaSecretKey, "oaSecretKey");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(oauthBaseUrl, "oauthBaseUrl");
        Objects.requireNonNull(templateUrl, "templateUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        if (tokenRefreshMargin == null || tokenRefreshMargin.isNegative()) {
            throw new IllegalArgumentException("Zalo tokenRefreshMargin must be zero or more");
        }
    }

    /** Public Zalo servers, 5 s connect, 15 s per request, default retries, refresh 1 h before expiry. */
    public static ZaloConfig of(String appId, String appSecret, String oaSecretKey) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, URI.create(DEFAULT_API_BASE_URL),
                URI.create(DEFAULT_OAUTH_BASE_URL), URI.create(DEFAULT_TEMPLATE_URL), Duration.ofSeconds(5),
                Duration.ofSeconds(15), RetryPolicy.DEFAULT, DEFAULT_TOKEN_REFRESH_MARGIN);
    }

    public ZaloConfig withBaseUrls(URI api, URI oauth) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, api, oauth, templateUrl, connectTimeout, requestTimeout,
                retryPolicy, tokenRefreshMargin);
    }

    public ZaloConfig withTemplateUrl(URI url) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, apiBaseUrl, oauthBaseUrl, url, connectTimeout,
                requestTimeout, retryPolicy, tokenRefreshMargin);
    }

    public ZaloConfig withRetryPolicy(RetryPolicy policy) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, apiBaseUrl, oauthBaseUrl, templateUrl, connectTimeout,
                requestTimeout, policy, tokenRefreshMargin);
    }

    public ZaloConfig withTokenRefreshMargin(Duration margin) {
        return new ZaloConfig(appId, appSecret, oaSecretKey, apiBaseUrl, oauthBaseUrl, templateUrl, connectTimeout,
                requestTimeout, retryPolicy, margin);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Zalo " + name + " is required");
        }
    }

    @Override
    public String toString() {
        return "ZaloConfig[appId=" + appId + ", apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl
                + ", templateUrl=" + templateUrl + "]";
    }
}
