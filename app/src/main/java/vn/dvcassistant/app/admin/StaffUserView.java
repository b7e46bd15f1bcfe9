package vn.dvcassistant.app.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.security.StaffUser;

import java.time.Instant;
import java.util.UUID;

/** A staff account as shown to admins: everything but the password hash. */
@Serdeable
public record StaffUserView(UUID id, String username, String displayName, String role, @Nullable String agencyCode,
                            boolean active, Instant createdAt, @Nullable Instant lastLoginAt) {

    static StaffUserView of(StaffUser user) {
        return new StaffUserView(user.id(), user.username(), user.displayName(), user.role(), user.agencyCode(),
                user.active(), user.createdAt(), user.lastLoginAt());
    }
}
