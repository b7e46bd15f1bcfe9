package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.zalo.ZaloConfig;

import java.net.URI;
import java.time.Duration;

/**
 * The Zalo OA channel (section {@code channels.zalo}); off while the app id, app secret or OA secret key is blank.
 *
 * @param appId         ZALO_APP_ID
 * @param appSecret     ZALO_APP_SECRET, authenticates token refreshes
 * @param oaSecretKey   ZALO_OA_SECRET_KEY, signs X-ZEvent-Signature
 * @param accessToken   ZALO_ACCESS_TOKEN, from the OA authorisation; seeds the database on first start
 * @param refreshToken  ZALO_REFRESH_TOKEN, idem; a new value replaces the stored pair (re-authorisation)
 * @param apiUrl        ZALO_API_URL, the OpenAPI server
 * @param oauthUrl      ZALO_OAUTH_URL, the OAuth server
 * @param templateUrl   ZALO_TEMPLATE_URL, where template messages are posted (whole address)
 * @param tokenRefreshMargin ZALO_TOKEN_REFRESH_MARGIN, how long before its expiry the access token is refreshed
 * @param tokenMaxAge   ZALO_TOKEN_MAX_AGE, the tokens are refreshed at least this often, even when nothing is sent
 * @param tokenKey      ZALO_TOKEN_KEY, encrypts the stored tokens (32+ characters); when unset, a key is derived
 *                      from the app secret and the OA secret key
 * @param maxEventAge   ZALO_MAX_EVENT_AGE, a signed event whose timestamp is older than this (or as far in the
 *                      future) is refused: a replayed capture, not a redelivery
 * @param workers       threads that answer Zalo events
 * @param queueCapacity events waiting for a worker; beyond it an event is dropped and recorded
 */
@ConfigurationProperties("channels.zalo")
public record ZaloSettings(
        @Nullable String appId,
        @Nullable String appSecret,
        @Nullable String oaSecretKey,
        @Nullable String accessToken,
        @Nullable String refreshToken,
        @Bindable(defaultValue = ZaloConfig.DEFAULT_API_BASE_URL) String apiUrl,
        @Bindable(defaultValue = ZaloConfig.DEFAULT_OAUTH_BASE_URL) String oauthUrl,
        @Bindable(defaultValue = ZaloConfig.DEFAULT_TEMPLATE_URL) String templateUrl,
        @Bindable(defaultValue = "1h") Duration tokenRefreshMargin,
        @Bindable(defaultValue = "30d") Duration tokenMaxAge,
        @Nullable String tokenKey,
        @Bindable(defaultValue = "10m") Duration maxEventAge,
        @Bindable(defaultValue = "4") int workers,
        @Bindable(defaultValue = "1000") int queueCapacity,
        @Bindable(defaultValue = "4") int retryMaxAttempts,
        @Bindable(defaultValue = "500ms") Duration retryInitialBackoff,
        @Bindable(defaultValue = "8s") Duration retryMaxBackoff,
        @Bindable(defaultValue = "30s") Duration retryMaxRetryAfter) {

    public boolean enabled() {
        return present(appId) && present(appSecret) && present(oaSecretKey);
    }

    ZaloConfig toConfig() {
        return new ZaloConfig(appId.strip(), appSecret.strip(), oaSecretKey.strip(), URI.create(apiUrl.strip()),
                URI.create(oauthUrl.strip()), URI.create(templateUrl.strip()), Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff, retryMaxRetryAfter),
                tokenRefreshMargin);
    }

    ZaloTokenCipher tokenCipher() {
        return ZaloTokenCipher.of(tokenKey, appSecret.strip(), oaSecretKey.strip());
    }

    static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
