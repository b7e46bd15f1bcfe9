package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code dvc.admin}: the first admin, created on first start while no admin exists (DVC_ADMIN_USERNAME,
 * DVC_ADMIN_PASSWORD); nothing is created while either is blank.
 */
@ConfigurationProperties("dvc.admin")
public record FirstAdminSettings(@Nullable String username, @Nullable String password) {
}
