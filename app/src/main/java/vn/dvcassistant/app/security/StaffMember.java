package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

/** The logged-in staff member, read from the session token. */
@Serdeable
public record StaffMember(String username, String displayName, String role, @Nullable String agencyCode) {

    public static StaffMember of(Authentication authentication) {
        Object name = authentication.getAttributes().get(StaffAuthenticationProvider.NAME_ATTRIBUTE);
        Object agency = authentication.getAttributes().get(StaffAuthenticationProvider.AGENCY_ATTRIBUTE);
        String role = authentication.getRoles().stream().findFirst().orElse("");
        return new StaffMember(authentication.getName(), name == null ? authentication.getName() : name.toString(),
                role, agency == null ? null : agency.toString());
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }

    public boolean isAgencyStaff() {
        return Roles.AGENCY_STAFF.equals(role);
    }

    public boolean isEditor() {
        return Roles.EDITOR.equals(role);
    }

    public boolean isVolunteer() {
        return Roles.VOLUNTEER.equals(role);
    }

    /** Admins act for every agency; agency staff only for their own; nobody else handles comments. */
    public boolean mayHandleAgency(String agency) {
        return isAdmin() || (isAgencyStaff() && agencyCode != null && agencyCode.equals(agency));
    }

    /** The agency every query must be limited to, or null when this member may see all agencies. */
    public @Nullable String forcedAgency() {
        return isAgencyStaff() ? agencyCode : null;
    }
}
