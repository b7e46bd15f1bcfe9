package vn.dvcassistant.app.channel.zalo;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about the OA's tokens, without the tokens themselves.
 *
 * @param expiresAt       when Zalo said the access token expires; null for a pair configured by hand
 * @param refreshedAt     the last successful refresh; null when the pair has not been refreshed since it was configured
 * @param refreshFailedAt the last failed refresh after the last success, else null
 * @param refreshFailure  why it failed
 */
record ZaloTokenStatus(@Nullable Instant expiresAt, @Nullable Instant refreshedAt, @Nullable Instant refreshFailedAt,
                       @Nullable String refreshFailure) {

    /** For /health: an alert while the last refresh failed or the access token has expired. */
    Map<String, Object> healthDetails(Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("tokenExpiresAt", expiresAt == null ? null : expiresAt.toString());
        details.put("tokenLastRefreshAt", refreshedAt == null ? null : refreshedAt.toString());
        details.put("tokenRefreshFailedAt", refreshFailedAt == null ? null : refreshFailedAt.toString());
        details.put("tokenRefreshFailure", refreshFailure);
        details.put("tokenAlert", refreshFailedAt != null || (expiresAt != null && !now.isBefore(expiresAt)));
        return details;
    }
}
