package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.CommuneNames;

import java.util.List;

/** The web chat's "which commune?" step of a rating: the communes closest to what the citizen typed. */
@Controller("/api/v1/communes")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Satisfaction")
final class CommuneController {

    static final int MAX_QUERY = 100;
    static final int MATCHES = 4;

    @Serdeable
    record CommuneView(String code, String name) {
    }

    private final CommuneNames communes;

    CommuneController(CommuneNames communes) {
        this.communes = communes;
    }

    @Get
    @Operation(summary = "Up to 4 communes' People's Committees (kind ubnd-xa) or police (cong-an-xa) closest to q, "
            + "with or without diacritics, best first",
            description = "400 unknown_agency_kind, commune_query_too_long. Public: the directory's names are public.")
    List<CommuneView> find(@Nullable @QueryValue("q") String query, @Nullable @QueryValue("kind") String kind) {
        AgencyKind wanted = kind == null || kind.isBlank() ? AgencyKind.COMMUNE_COMMITTEE
                : AgencyKind.fromCode(kind.strip()).filter(AgencyKind::communeLevel)
                .orElseThrow(() -> Refusal.invalid("unknown_agency_kind"));
        if (query == null || query.isBlank()) {
            return List.of();
        }
        if (query.length() > MAX_QUERY) {
            throw Refusal.invalid("commune_query_too_long");
        }
        return communes.bestMatches(query, wanted, MATCHES).stream()
                .map(a -> new CommuneView(a.code(), a.name())).toList();
    }
}
