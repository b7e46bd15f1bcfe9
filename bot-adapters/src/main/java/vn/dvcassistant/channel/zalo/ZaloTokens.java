package vn.dvcassistant.channel.zalo;

import java.time.Instant;
import java.util.Objects;

/**
 * The OA's access token and the refresh token that renews it. Zalo hands out a new refresh token with each
 * refresh and the old one stops working, so both must be saved together.
 *
 * @param expiresAt when Zalo said the access token expires; null when unknown
 */
public record ZaloTokens(String accessToken, String refreshToken, Instant expiresAt) {

    public ZaloTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "ZaloTokens[expiresAt=" + expiresAt + "]";
    }
}
