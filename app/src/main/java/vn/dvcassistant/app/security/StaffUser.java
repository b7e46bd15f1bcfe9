package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff account. {@code username} is stored lower case; {@code passwordHash} is a bcrypt string.
 * A session token is accepted only while it carries the current {@code sessionVersion}.
 */
@MappedEntity("staff_user")
public record StaffUser(@Id UUID id,
                        String username,
                        String passwordHash,
                        String role,
                        @Nullable String agencyCode,
                        String displayName,
                        boolean active,
                        Instant createdAt,
                        @Nullable Instant lastLoginAt,
                        int sessionVersion) {
}
