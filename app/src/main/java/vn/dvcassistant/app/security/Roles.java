package vn.dvcassistant.app.security;

import java.util.List;

/**
 * The staff roles. Constants rather than an enum because {@code @Secured} needs compile-time strings.
 * Each user has exactly one role.
 */
public final class Roles {

    /** Manages users and sees every agency. */
    public static final String ADMIN = "ADMIN";
    /** Sees and answers only the comments of their own agency. */
    public static final String AGENCY_STAFF = "AGENCY_STAFF";
    /** Keeps the knowledge base: sees unanswered questions and stale entries. */
    public static final String EDITOR = "EDITOR";
    /** Community digital technology team member: records surveys done with a resident. */
    public static final String VOLUNTEER = "VOLUNTEER";

    public static final List<String> ALL = List.of(ADMIN, AGENCY_STAFF, EDITOR, VOLUNTEER);

    /** For choosing a role: the least privileged first, and the default, so nobody becomes an admin by a missed click. */
    public static final List<String> LEAST_PRIVILEGED_FIRST = List.of(VOLUNTEER, EDITOR, AGENCY_STAFF, ADMIN);

    private Roles() {
    }

    public static boolean isKnown(String role) {
        return ALL.contains(role);
    }
}
