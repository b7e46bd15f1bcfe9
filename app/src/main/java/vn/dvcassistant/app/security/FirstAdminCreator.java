package vn.dvcassistant.app.security;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import vn.dvcassistant.app.api.Refusal;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin from DVC_ADMIN_USERNAME / DVC_ADMIN_PASSWORD on start, only while no admin
 * exists: once there is one, changing the variables does nothing, so a leaked variable cannot reset access.
 */
@Singleton
final class FirstAdminCreator implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdminCreator.class);

    private final StaffAccounts accounts;
    private final String username;
    private final String password;

    FirstAdminCreator(StaffAccounts accounts,
                      FirstAdminSettings settings) {
        this.accounts = accounts;
        this.username = settings.username();
        this.password = settings.password();
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        createIfNoAdmin();
    }

    /** @return true when an admin was created now */
    boolean createIfNoAdmin() {
        if (accounts.anyAdmin()) {
            return false;
        }
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            LOG.warn("first_admin=missing: set DVC_ADMIN_USERNAME and DVC_ADMIN_PASSWORD to create the first admin");
            return false;
        }
        try {
            StaffUser admin = accounts.create(new NewStaffUser(username, password, Roles.ADMIN, null, null));
            LOG.info("first_admin=created username={}", admin.username());
            return true;
        } catch (Refusal refused) {
            // Starting without an admin is recoverable (fix the variables, restart); a weak admin password is not.
            LOG.error("first_admin=refused reason={} (password needs at least {} characters)", refused.code(),
                    StaffAccounts.MIN_PASSWORD_LENGTH);
            return false;
        }
    }
}
