package vn.dvcassistant.app.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffUserRepository extends CrudRepository<StaffUser, UUID> {

    Optional<StaffUser> findByUsername(String username);

    boolean existsByRole(String role);

    List<StaffUser> listOrderByUsername();

    void updateLastLoginAt(@Id UUID id, Instant lastLoginAt);

    void updateActive(@Id UUID id, boolean active);
}
