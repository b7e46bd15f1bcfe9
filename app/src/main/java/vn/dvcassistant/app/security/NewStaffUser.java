package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What an admin fills in to create an account. The password is hashed at once and never kept. */
@Serdeable
public record NewStaffUser(String username,
                           String password,
                           String role,
                           @Nullable String agencyCode,
                           @Nullable String displayName) {

    @Override
    public String toString() {
        return "NewStaffUser[username=" + username + ", role=" + role + ", agencyCode=" + agencyCode + "]";
    }
}
