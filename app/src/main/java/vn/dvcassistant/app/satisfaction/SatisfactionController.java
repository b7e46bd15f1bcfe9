package vn.dvcassistant.app.satisfaction;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.app.province.AgencyDirectory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.IdempotentRequests;
import vn.dvcassistant.kb.Field;

import java.util.List;

@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Satisfaction")
final class SatisfactionController {

    @Serdeable
    record AgencyView(String code, String name, List<String> fields) {
    }

    private final SatisfactionIntake intake;
    private final AgencyDirectory agencies;
    private final IdempotentRequests idempotent;

    SatisfactionController(SatisfactionIntake intake, AgencyDirectory agencies, IdempotentRequests idempotent) {
        this.intake = intake;
        this.agencies = agencies;
        this.idempotent = idempotent;
    }

    @Post("/satisfaction")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a procedure on the three official levels (Decision 1588 satisfaction)",
            description = "level: rat_hai_long | hai_long | khong_hai_long (satisfied = the first two); the field "
                    + "comes from the topic. 400 unknown_topic, unknown_level, unknown_rating_channel, "
                    + "unknown_agency, agency_not_for_field, comment_too_long. Every rating must be traceable: "
                    + "channel web needs the sessionId of the chat that offered the procedure (403 "
                    + "untraceable_rating; 409 satisfaction_not_offered, already_rated; 400 session_only_for_web, "
                    + "missing_session, invalid_session); channel survey needs the signed token of a printed "
                    + "survey (400 missing_token, 403 invalid_token); channel assisted needs a volunteer or admin "
                    + "session (401 staff_login_required, 403 assisted_needs_volunteer); telegram, zalo and "
                    + "periodic never come through this API (403 rating_channel_not_open).")
    HttpResponse<?> rate(@Body SatisfactionSubmission submission, @Nullable Authentication staff,
                         @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        // A retried rating with the same key is counted once and answered as the first time.
        return idempotent.once("satisfaction", idempotencyKey,
                () -> HttpResponse.created(intake.record(submission, staff, idempotencyKey)));
    }

    @Get("/agencies")
    @Operation(summary = "The agencies ratings and comments can name, with the fields they handle")
    List<AgencyView> agencies() {
        return agencies.all().stream()
                .map(a -> new AgencyView(a.code(), a.name(), a.fields().stream().map(Field::code).sorted().toList()))
                .toList();
    }
}
