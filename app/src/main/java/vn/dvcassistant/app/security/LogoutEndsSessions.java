package vn.dvcassistant.app.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging out ends the session on the server, not only in the browser: clearing the cookie left the
 * signed token valid for hours to whoever had copied it. Raising the account's session version (the check
 * {@link StaffSessionValidator} already makes for deactivation) ends every session of the account, which
 * is also what someone who logs out of a shared computer expects.
 */
@Singleton
final class LogoutEndsSessions implements ApplicationEventListener<LogoutEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(LogoutEndsSessions.class);

    private final StaffUserRepository users;

    LogoutEndsSessions(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    public void onApplicationEvent(LogoutEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            String username = StaffAccounts.normalise(authentication.getName());
            if (username != null) {
                users.endSessions(username);
                LOG.info("logout=sessions_ended");
            }
        }
    }
}
