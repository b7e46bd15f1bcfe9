package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code dvc.security}: staff accounts and sessions.
 *
 * @param bcryptCost             password hashing cost, 4-31 (DVC_BCRYPT_COST)
 * @param jwtSecret              32+ characters signing the session cookie (DVC_JWT_SECRET); blank: random at each
 *                               start, so staff are logged out on restart
 * @param loginAttemptsPerMinute login attempts per address and minute (DVC_LOGIN_ATTEMPTS_PER_MINUTE)
 */
@ConfigurationProperties("dvc.security")
public record SecuritySettings(@Bindable(defaultValue = "12") int bcryptCost,
                               @Nullable String jwtSecret,
                               @Bindable(defaultValue = "10") int loginAttemptsPerMinute) {
}
