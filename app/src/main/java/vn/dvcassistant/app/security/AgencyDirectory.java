package vn.dvcassistant.app.security;

import jakarta.inject.Singleton;

/** Whether an agency code names a configured agency, so no account is tied to an agency that sees nothing. */
@Singleton
class AgencyDirectory {

    boolean exists(String agencyCode) {
        // Replaced by the feedback module's agency configuration once it is merged.
        return agencyCode != null && !agencyCode.isBlank();
    }
}
