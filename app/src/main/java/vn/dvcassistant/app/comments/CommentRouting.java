package vn.dvcassistant.app.comments;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.CommuneNames;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which agency answers a comment, from its field (see {@link CommentSettings#routing()}): the configured
 * route while that agency is active, else the first active province-level agency of the directory that lists the
 * field, else the default agency. Read at every call, so a directory edited by an admin routes the next comment.
 */
@Singleton
public final class CommentRouting {

    private final AgencyDirectory agencies;
    private final CommuneNames communes;
    private final KnowledgeBase knowledgeBase;
    private final CommentTextRouting textRouting;
    private final Map<Field, String> routes = new EnumMap<>(Field.class);
    private final String fallback;

    public CommentRouting(CommentSettings settings, AgencyDirectory agencies, CommuneNames communes,
                          KnowledgeBase knowledgeBase, CommentTextRouting textRouting) {
        this.agencies = agencies;
        this.communes = communes;
        this.knowledgeBase = knowledgeBase;
        this.textRouting = textRouting;
        String defaultAgency = settings.defaultAgency() == null || settings.defaultAgency().isBlank()
                ? null : settings.defaultAgency().strip();
        if (defaultAgency != null && agencies.find(defaultAgency).isEmpty()) {
            throw new ConfigurationException("dvc.feedback.comments.default-agency: unknown agency " + defaultAgency);
        }
        this.fallback = defaultAgency;
        for (Map.Entry<String, String> route : settings.routing().entrySet()) {
            Field field = Field.fromCode(route.getKey()).orElseThrow(() -> new ConfigurationException(
                    "dvc.feedback.comments.routing: unknown field " + route.getKey()));
            if (agencies.find(route.getValue()).isEmpty()) {
                throw new ConfigurationException("dvc.feedback.comments.routing." + route.getKey()
                        + ": unknown agency " + route.getValue());
            }
            routes.put(field, route.getValue());
        }
        for (Field field : Field.values()) {
            if (fallback == null && listing(field).isEmpty() && !routes.containsKey(field)) {
                throw new ConfigurationException("No agency answers comments about " + field.code()
                        + ": set dvc.feedback.comments.default-agency or a route for it");
            }
        }
    }

    /**
     * The agency for a comment or hand-off question: a commune's body when the text names it ("UBND xã Kim Bảng",
     * "Công an phường Phủ Lý"); for a procedure the commune handles (the chosen topic's, or else the text's, authority
     * is "cấp xã"), the People's Committee of the commune the text names, or else of the citizen's known commune
     * ({@code commune}, from their subscription); otherwise by field as {@link #agencyFor(Field)}.
     */
    public Agency agencyFor(Field field, String text, @Nullable String topicId, @Nullable String commune) {
        Optional<Agency> body = communes.bodyNamedIn(text, AgencyKind.COMMUNE_POLICE)
                .or(() -> communes.bodyNamedIn(text, AgencyKind.COMMUNE_COMMITTEE))
                .filter(a -> a.handles(field));
        if (body.isPresent()) {
            return body.get();
        }
        Optional<Agency> named = communes.namedIn(text, AgencyKind.COMMUNE_COMMITTEE)
                .or(() -> Optional.ofNullable(commune).flatMap(agencies::findActive)
                        .filter(a -> a.kind() == AgencyKind.COMMUNE_COMMITTEE))
                .filter(a -> a.handles(field));
        if (named.isPresent()) {
            boolean communeMatter = topicId != null
                    ? knowledgeBase.topic(topicId).map(t -> CommentTextRouting.communeAuthority(t.authority())).orElse(false)
                    : textRouting.communeLevel(text);
            if (communeMatter) {
                return named.get();
            }
        }
        return agencyFor(field);
    }

    public Agency agencyFor(Field field) {
        Optional<Agency> routed = Optional.ofNullable(routes.get(field)).flatMap(agencies::findActive);
        if (routed.isPresent()) {
            return routed.get();
        }
        Optional<Agency> listing = listing(field);
        if (listing.isPresent()) {
            return listing.get();
        }
        // Even a deactivated default agency beats losing the comment: its staff still see their queue.
        return agencies.find(fallback).or(() -> Optional.ofNullable(routes.get(field)).flatMap(agencies::find))
                .orElseThrow(() -> new IllegalStateException("No agency answers comments about " + field.code()));
    }

    /** The first active agency naming the field, not counting those that take every field (communes). */
    private Optional<Agency> listing(Field field) {
        return agencies.handling(field).stream()
                .filter(a -> !a.fields().isEmpty() && !a.kind().communeLevel()).findFirst();
    }
}
