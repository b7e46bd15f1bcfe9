package vn.dvcassistant.app.outreach;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.CommuneNames;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The communes a citizen may subscribe for and a campaign may target: the People's Committees of the province's
 * agency directory (one per commune, ward or special zone), active ones only.
 */
@Singleton
class Communes {

    private final AgencyDirectory directory;

    private final CommuneNames names;

    Communes(AgencyDirectory directory, CommuneNames names) {
        this.directory = directory;
        this.names = names;
    }

    List<Agency> all() {
        return directory.ofKind(AgencyKind.COMMUNE_COMMITTEE);
    }

    /** A commune typed by its name ("phường Phủ Lý"), with or without diacritics, when exactly one has it. */
    Optional<Agency> named(String typed) {
        return names.exactly(typed, AgencyKind.COMMUNE_COMMITTEE);
    }

    Optional<Agency> find(String code) {
        return directory.findActive(code.strip().toUpperCase(Locale.ROOT))
                .filter(a -> a.kind() == AgencyKind.COMMUNE_COMMITTEE);
    }
}
