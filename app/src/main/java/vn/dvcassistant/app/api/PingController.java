package vn.dvcassistant.app.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;

/** The cheapest request the service answers: the load benchmark's baseline. */
@Controller("/api/v1/ping")
@Secured(SecurityRule.IS_ANONYMOUS)
final class PingController {

    @Serdeable
    record Pong(String status) {
    }

    private static final Pong OK = new Pong("ok");

    @Get
    @Operation(summary = "Liveness of the HTTP layer only (no database, no search)")
    Pong ping() {
        return OK;
    }
}
