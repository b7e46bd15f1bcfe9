package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.app.security.NewStaffUser;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffMember;

import java.util.List;
import java.util.UUID;

/** Staff accounts as JSON, for admins; and who am I, for every staff member. */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffUserApiController {

    @Serdeable
    record PasswordRequest(@Nullable String password) {
    }

    private final StaffAccounts accounts;

    StaffUserApiController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Get("/me")
    @Secured({Roles.ADMIN, Roles.AGENCY_STAFF, Roles.EDITOR, Roles.VOLUNTEER})
    StaffMember me(Authentication authentication) {
        return StaffMember.of(authentication);
    }

    @Get("/users")
    @Secured(Roles.ADMIN)
    List<StaffUserView> users() {
        return accounts.all().stream().map(StaffUserView::of).toList();
    }

    @Post("/users")
    @Secured(Roles.ADMIN)
    HttpResponse<StaffUserView> create(@Body NewStaffUser request) {
        return HttpResponse.created(StaffUserView.of(accounts.create(request)));
    }

    /** Ends the account's sessions at their next request; refused (400) for the last active admin. */
    @Post("/users/{id}/deactivate")
    @Secured(Roles.ADMIN)
    StaffUserView deactivate(@PathVariable UUID id) {
        return StaffUserView.of(accounts.setActive(id, false));
    }

    @Post("/users/{id}/activate")
    @Secured(Roles.ADMIN)
    StaffUserView activate(@PathVariable UUID id) {
        return StaffUserView.of(accounts.setActive(id, true));
    }

    /** A new password chosen by the admin; the account's open sessions end. */
    @Post("/users/{id}/password")
    @Secured(Roles.ADMIN)
    StaffUserView setPassword(@PathVariable UUID id, @Body PasswordRequest request) {
        return StaffUserView.of(accounts.setPassword(id, request.password()));
    }
}
