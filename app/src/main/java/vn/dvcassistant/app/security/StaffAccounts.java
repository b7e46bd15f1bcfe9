package vn.dvcassistant.app.security;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.ApiException;
import vn.dvcassistant.app.satisfaction.AgencyDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Creates and looks up staff accounts; the only place that turns a password into a hash. */
@Singleton
public class StaffAccounts {

    /** Long enough to resist guessing when bcrypt slows each try; no composition rules, which push people to worse passwords. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 200;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final StaffUserRepository users;
    private final PasswordHasher hasher;
    private final AgencyDirectory agencies;

    StaffAccounts(StaffUserRepository users, PasswordHasher hasher, AgencyDirectory agencies) {
        this.users = users;
        this.hasher = hasher;
        this.agencies = agencies;
    }

    public StaffUser create(NewStaffUser request) {
        String username = normalise(request.username());
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_username");
        }
        String password = request.password();
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "weak_password");
        }
        if (request.role() == null || !Roles.isKnown(request.role())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unknown_role");
        }
        String agencyCode = blankToNull(request.agencyCode());
        if (Roles.AGENCY_STAFF.equals(request.role())) {
            if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches() || agencies.find(agencyCode).isEmpty()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "staff_agency_required");
            }
        } else {
            agencyCode = null;
        }
        if (users.findByUsername(username).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "username_taken");
        }
        String displayName = blankToNull(request.displayName());
        StaffUser user = new StaffUser(UUID.randomUUID(), username, hasher.hash(password), request.role(), agencyCode,
                displayName == null ? username : displayName.strip(), true, Instant.now(), null);
        return users.save(user);
    }

    public Optional<StaffUser> find(String username) {
        String normalised = normalise(username);
        return normalised == null ? Optional.empty() : users.findByUsername(normalised);
    }

    public List<StaffUser> all() {
        return users.listOrderByUsername();
    }

    public boolean anyAdmin() {
        return users.existsByRole(Roles.ADMIN);
    }

    public void setActive(UUID id, boolean active) {
        users.updateActive(id, active);
    }

    void recordLogin(StaffUser user) {
        users.updateLastLoginAt(user.id(), Instant.now());
    }

    static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
