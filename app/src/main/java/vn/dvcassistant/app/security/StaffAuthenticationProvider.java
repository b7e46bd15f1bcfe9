package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a username and password against the staff accounts. Runs on the blocking executor because
 * bcrypt and the database both block. Unknown users cost as much time as wrong passwords.
 */
@Singleton
final class StaffAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** Attribute holding the agency code of agency staff in the authentication (and the JWT). */
    static final String AGENCY_ATTRIBUTE = "agency";
    static final String NAME_ATTRIBUTE = "displayName";
    /** Attribute (and JWT claim) holding the account's session version at login; see {@link StaffSessionValidator}. */
    static final String SESSION_VERSION_ATTRIBUTE = "sv";

    private static final Logger LOG = LoggerFactory.getLogger(StaffAuthenticationProvider.class);

    private final StaffAccounts accounts;
    private final PasswordHasher hasher;
    private final LoginLimiter limiter;

    StaffAuthenticationProvider(StaffAccounts accounts, PasswordHasher hasher, LoginLimiter limiter) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.limiter = limiter;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> authRequest) {
        String username = authRequest.getIdentity();
        String password = authRequest.getSecret();
        if (username == null || password == null || password.isEmpty()) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (limiter.accountBlocked(username)) {
            LOG.info("login=refused_too_many_failures");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        StaffUser user = accounts.find(username).orElse(null);
        boolean matches = user == null ? hasher.burnTime(password) : hasher.matches(password, user.passwordHash());
        if (!matches) {
            limiter.recordFailure(username);
            LOG.info("login=failed");
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (!user.active()) {
            LOG.info("login=refused_inactive user={}", user.id());
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED);
        }
        accounts.recordLogin(user);
        LOG.info("login=ok user={} role={}", user.id(), user.role());
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(NAME_ATTRIBUTE, user.displayName());
        attributes.put(SESSION_VERSION_ATTRIBUTE, user.sessionVersion());
        if (user.agencyCode() != null) {
            attributes.put(AGENCY_ATTRIBUTE, user.agencyCode());
        }
        return AuthenticationResponse.success(user.username(), List.of(user.role()), attributes);
    }
}
