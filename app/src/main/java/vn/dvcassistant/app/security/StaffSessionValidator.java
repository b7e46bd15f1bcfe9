package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends sessions on the server side: a signed session token stays valid in the browser until it expires,
 * so each request checks that its account is still active and still has the session version the token
 * was issued with (deactivating the account or setting its password raises it). A refused token makes
 * the request anonymous: 401, or the login page for a browser.
 *
 * <p>A token without the version claim counts as version 0, that of an account never deactivated or
 * re-keyed; forging one still needs the signing key. One indexed lookup per staff request; Micronaut
 * validates tokens off the event loop.
 */
@Singleton
final class StaffSessionValidator<T> implements GenericJwtClaimsValidator<T> {

    private static final Logger LOG = LoggerFactory.getLogger(StaffSessionValidator.class);

    private final StaffAccounts accounts;

    StaffSessionValidator(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(StaffAuthenticationProvider.SESSION_VERSION_ATTRIBUTE);
        if (!(subject instanceof String username) || (version != null && !(version instanceof Number))) {
            return false;
        }
        boolean valid = accounts.sessionStillValid(username, version == null ? 0 : ((Number) version).intValue());
        if (!valid) {
            LOG.info("session=refused reason=account_inactive_or_rekeyed");
        }
        return valid;
    }
}
