package vn.dvcassistant.app.security;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
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

    /** Also ends the account's sessions: their tokens carry the old version. */
    @Query("UPDATE staff_user SET active = FALSE, session_version = session_version + 1 WHERE id = :id")
    void deactivate(UUID id);

    @Query("UPDATE staff_user SET password_hash = :passwordHash, session_version = session_version + 1 WHERE id = :id")
    void updatePassword(UUID id, String passwordHash);

    /** Ends every open session of the account (logout): their tokens carry the old version. */
    @Query("UPDATE staff_user SET session_version = session_version + 1 WHERE username = :username")
    void endSessions(String username);

    /** Counts the active admins and locks their rows until the transaction ends. */
    @Query("SELECT count(*) FROM (SELECT id FROM staff_user WHERE role = 'ADMIN' AND active FOR UPDATE) admins")
    long lockActiveAdmins();
}
