package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import vn.dvcassistant.app.security.NewStaffUser;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffMember;

import java.util.List;

/** Staff accounts as JSON, for admins; and who am I, for every staff member. */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffUserApiController {

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
}
