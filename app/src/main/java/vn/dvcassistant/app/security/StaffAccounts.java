package vn.dvcassistant.app.security;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.dvcassistant.app.api.InvalidFieldException;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.AgencyDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, looks up, deactivates and re-keys staff accounts; the only place that turns a password into a hash.
 * Deactivating an account or setting its password ends its open sessions (see {@link #sessionStillValid}).
 */
@Singleton
public class StaffAccounts {

    /** Long enough to resist guessing when bcrypt slows each try; no composition rules, which push people to worse passwords. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final int MAX_PASSWORD_LENGTH = 200;
    /** staff_user.display_name is varchar(200). */
    private static final int MAX_DISPLAY_NAME = 200;
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
            throw Refusal.invalid("invalid_username");
        }
        String password = checkedPassword(request.password());
        if (request.role() == null || !Roles.isKnown(request.role())) {
            throw Refusal.invalid("unknown_role");
        }
        String agencyCode = blankToNull(request.agencyCode());
        if (Roles.AGENCY_STAFF.equals(request.role())) {
            if (agencyCode == null || !AGENCY_CODE.matcher(agencyCode).matches() || agencies.findActive(agencyCode).isEmpty()) {
                throw Refusal.invalid("staff_agency_required");
            }
        } else {
            agencyCode = null;
        }
        if (users.findByUsername(username).isPresent()) {
            throw Refusal.conflict("username_taken");
        }
        String displayName = blankToNull(request.displayName());
        if (displayName != null && displayName.length() > MAX_DISPLAY_NAME) {
            throw new InvalidFieldException("field_too_long", "displayName");
        }
        StaffUser user = new StaffUser(UUID.randomUUID(), username, hasher.hash(password), request.role(), agencyCode,
                displayName == null ? username : displayName.strip(), true, Instant.now(), null, 0);
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

    /**
     * Deactivates or reactivates an account. Deactivating ends its sessions at their next request, and
     * reactivating does not bring them back. The last active admin cannot be deactivated: nobody could
     * manage accounts any more, and the first-admin variables only work while no admin exists at all.
     */
    @Transactional
    public StaffUser setActive(UUID id, boolean active) {
        // Locked first, so two admins deactivating each other at the same moment cannot both succeed.
        long activeAdmins = active ? 0 : users.lockActiveAdmins();
        StaffUser user = existing(id);
        if (active == user.active()) {
            return user;
        }
        if (!active && Roles.ADMIN.equals(user.role()) && activeAdmins <= 1) {
            throw Refusal.invalid("last_active_admin");
        }
        if (active) {
            users.updateActive(id, true);
        } else {
            users.deactivate(id);
        }
        return existing(id);
    }

    /** Sets a new password chosen by an admin; sessions opened with the old one end at their next request. */
    public StaffUser setPassword(UUID id, String password) {
        String checked = checkedPassword(password);
        existing(id);
        users.updatePassword(id, hasher.hash(checked));
        return existing(id);
    }

    /**
     * Whether a session token of this user, carrying {@code sessionVersion} from its login, is still good:
     * the account exists, is active, and was not deactivated or given a new password since.
     */
    public boolean sessionStillValid(String username, int sessionVersion) {
        return find(username).map(user -> user.active() && user.sessionVersion() == sessionVersion).orElse(false);
    }

    void recordLogin(StaffUser user) {
        users.updateLastLoginAt(user.id(), Instant.now());
    }

    private StaffUser existing(UUID id) {
        return users.findById(id).orElseThrow(() -> Refusal.notFound("unknown_user"));
    }

    private static String checkedPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw Refusal.invalid("weak_password");
        }
        return password;
    }

    static String normalise(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
