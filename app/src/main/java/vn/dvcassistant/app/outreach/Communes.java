package vn.dvcassistant.app.outreach;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The communes a citizen may subscribe for and a campaign may target: today the directory's agencies that
 * handle every field (commune People's Committees). The one place that knows it, so a richer commune
 * directory only changes this class.
 */
@Singleton
class Communes {

    private final AgencyDirectory directory;

    Communes(AgencyDirectory directory) {
        this.directory = directory;
    }

    List<Agency> all() {
        return directory.all().stream().filter(a -> a.fields().isEmpty()).toList();
    }

    Optional<Agency> find(String code) {
        return directory.find(code.strip().toUpperCase(Locale.ROOT)).filter(a -> a.fields().isEmpty());
    }
}
