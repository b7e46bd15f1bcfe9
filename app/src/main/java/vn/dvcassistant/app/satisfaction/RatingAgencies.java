package vn.dvcassistant.app.satisfaction;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.Folding;
import vn.dvcassistant.kb.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The short list of agencies a citizen picks from after rating a procedure ("where did you do it?"): at most one
 * per kind of the province's directory (commune People's Committee, commune police, the service centre, the
 * province agency of the procedure's field), the kinds of the procedure's authority level first (a procedure the
 * commune handles lists the commune bodies first), at most {@link #MAX} so that it fits in a chat's buttons next
 * to "Không nhớ". A commune-level kind is offered while the directory has one body of that kind for the field
 * (the generic "UBND cấp xã" of a directory without its communes); once the communes are loaded, picking one
 * among a hundred needs the citizen to name it, which this list does not do.
 */
@Singleton
public final class RatingAgencies {

    public static final int MAX = 4;

    private final AgencyDirectory directory;

    RatingAgencies(AgencyDirectory directory) {
        this.directory = directory;
    }

    public List<Agency> shortList(Topic topic) {
        boolean commune = Folding.fold(topic.authority()).contains("cap xa");
        List<Agency> communeLevel = new ArrayList<>();
        single(topic, AgencyKind.COMMUNE_COMMITTEE).ifPresent(communeLevel::add);
        single(topic, AgencyKind.COMMUNE_POLICE).ifPresent(communeLevel::add);
        List<Agency> provinceLevel = new ArrayList<>();
        directory.ofKind(AgencyKind.PROVINCE).stream()
                .filter(a -> !a.fields().isEmpty() && a.handles(topic.field())).findFirst().ifPresent(provinceLevel::add);
        directory.ofKind(AgencyKind.SERVICE_CENTRE).stream()
                .filter(a -> a.handles(topic.field())).findFirst().ifPresent(provinceLevel::add);
        List<Agency> list = new ArrayList<>(commune ? communeLevel : provinceLevel);
        list.addAll(commune ? provinceLevel : communeLevel);
        return List.copyOf(list.subList(0, Math.min(MAX, list.size())));
    }

    private Optional<Agency> single(Topic topic, AgencyKind kind) {
        List<Agency> of = directory.ofKind(kind).stream().filter(a -> a.handles(topic.field())).toList();
        return of.size() == 1 ? Optional.of(of.get(0)) : Optional.empty();
    }
}
