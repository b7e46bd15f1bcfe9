package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.Folding;
import vn.dvcassistant.kb.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The short list of agencies a citizen picks from after rating a procedure ("where did you do it?"): at most one
 * per kind of the province's directory (commune People's Committee, commune police, the service centre, the
 * province agency of the procedure's field), the kinds of the procedure's authority level first (a procedure the
 * commune handles lists the commune bodies first), at most {@link #MAX} so that it fits in a chat's buttons next
 * to "Không nhớ". A commune-level kind with one body for the field (the generic "UBND cấp xã" of a directory
 * without its communes) is offered as that body; once the communes are loaded it is offered as the kind
 * ("UBND xã/phường"), and the citizen then names their commune ({@link vn.dvcassistant.app.province.CommuneNames})
 * so that the rating carries that commune's agency.
 */
@Singleton
public final class RatingAgencies {

    public static final int MAX = 4;

    private final AgencyDirectory directory;
    /**
     * Whether an authority text ("UBND cấp xã", "Công an cấp xã nơi cư trú") names the commune level, by text:
     * the offer is made after every answer, and folding the same few texts each time showed in the chat's profile.
     */
    private final Map<String, Boolean> communeAuthority = new ConcurrentHashMap<>();

    RatingAgencies(AgencyDirectory directory) {
        this.directory = directory;
    }

    /**
     * One choice: an agency, or a commune-level kind whose commune the citizen names next.
     *
     * @param agency      the agency the rating carries, or null for a kind
     * @param communeKind the kind to name a commune of, or null for an agency
     */
    public record Choice(@Nullable Agency agency, @Nullable AgencyKind communeKind) {

        public String label() {
            return agency != null ? agency.name() : communeKind.label();
        }
    }

    public List<Choice> choices(Topic topic) {
        boolean commune = topic.authority() != null
                && communeAuthority.computeIfAbsent(topic.authority(), a -> Folding.fold(a).contains("cap xa"));
        List<Choice> communeLevel = new ArrayList<>();
        communeChoice(topic, AgencyKind.COMMUNE_COMMITTEE).ifPresent(communeLevel::add);
        communeChoice(topic, AgencyKind.COMMUNE_POLICE).ifPresent(communeLevel::add);
        List<Choice> provinceLevel = new ArrayList<>();
        directory.ofKind(AgencyKind.PROVINCE).stream()
                .filter(a -> !a.fields().isEmpty() && a.handles(topic.field())).findFirst()
                .ifPresent(a -> provinceLevel.add(new Choice(a, null)));
        directory.ofKind(AgencyKind.SERVICE_CENTRE).stream()
                .filter(a -> a.handles(topic.field())).findFirst()
                .ifPresent(a -> provinceLevel.add(new Choice(a, null)));
        List<Choice> list = new ArrayList<>(commune ? communeLevel : provinceLevel);
        list.addAll(commune ? provinceLevel : communeLevel);
        return List.copyOf(list.subList(0, Math.min(MAX, list.size())));
    }

    private Optional<Choice> communeChoice(Topic topic, AgencyKind kind) {
        List<Agency> of = directory.ofKind(kind).stream().filter(a -> a.handles(topic.field())).toList();
        if (of.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(of.size() == 1 ? new Choice(of.get(0), null) : new Choice(null, kind));
    }
}
