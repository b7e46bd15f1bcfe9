package vn.dvcassistant.app.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.api.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
class StaffAccountsTest {

    @Inject
    StaffAccounts accounts;
    @Inject
    StaffUserRepository users;
    @Inject
    PasswordHasher hasher;

    @Test
    void passwordIsStoredOnlyAsABcryptHash() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        StaffUser stored = users.findByUsername(username).orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2b$").doesNotContain(StaffSession.PASSWORD);
        assertThat(hasher.matches(StaffSession.PASSWORD, stored.passwordHash())).isTrue();
        assertThat(hasher.matches(StaffSession.PASSWORD + "x", stored.passwordHash())).isFalse();
        // Two accounts with one password get different hashes (salted).
        String other = StaffSession.newUser(accounts, Roles.EDITOR, null);
        assertThat(users.findByUsername(other).orElseThrow().passwordHash()).isNotEqualTo(stored.passwordHash());
    }

    @Test
    void passwordsLongerThanBcryptsLimitAreNotCutOff() {
        String base = "p".repeat(80);
        String hash = hasher.hash(base + "A");
        assertThat(hasher.matches(base + "A", hash)).isTrue();
        assertThat(hasher.matches(base + "B", hash)).isFalse();
    }

    @Test
    void refusesShortPasswordsUnknownRolesAndAgencyStaffWithoutAgency() {
        assertThatThrownBy(() -> accounts.create(new NewStaffUser("ngan-qua", "short", Roles.EDITOR, null, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("weak_password"));
        assertThatThrownBy(() -> accounts.create(new NewStaffUser("vai-tro", StaffSession.PASSWORD, "ROOT", null, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("unknown_role"));
        assertThatThrownBy(() -> accounts.create(new NewStaffUser("co-quan", StaffSession.PASSWORD, Roles.AGENCY_STAFF,
                null, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("staff_agency_required"));
        assertThatThrownBy(() -> accounts.create(new NewStaffUser("Có Dấu", StaffSession.PASSWORD, Roles.EDITOR, null,
                null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("invalid_username"));
    }

    @Test
    void usernamesAreUniqueWhateverTheCase() {
        String username = StaffSession.newUser(accounts, Roles.EDITOR, null);
        assertThatThrownBy(() -> accounts.create(new NewStaffUser(username.toUpperCase(), StaffSession.PASSWORD,
                Roles.EDITOR, null, null)))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.code()).isEqualTo("username_taken"));
    }
}
