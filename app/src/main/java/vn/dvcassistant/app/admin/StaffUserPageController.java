package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.api.ApiException;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.AgencyDirectory;
import vn.dvcassistant.app.security.NewStaffUser;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffMember;

import java.net.URI;
import java.util.Map;

/** Admins list and create staff accounts. */
@Controller("/quan-tri/nguoi-dung")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffUserPageController {

    private final StaffAccounts accounts;
    private final AgencyDirectory agencies;
    private final PageText text;
    private final Messages messages;

    StaffUserPageController(StaffAccounts accounts, AgencyDirectory agencies, PageText text, Messages messages) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.text = text;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> page(Authentication authentication) {
        return HttpResponse.ok(new ModelAndView<>("admin/users", model(authentication, null)));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(Authentication authentication, @Body NewStaffUser form) {
        try {
            accounts.create(form);
            return HttpResponse.seeOther(URI.create("/quan-tri/nguoi-dung"));
        } catch (ApiException refused) {
            return HttpResponse.status(refused.status()).body(new ModelAndView<>("admin/users",
                    model(authentication, messages.get("error." + refused.code()))));
        }
    }

    private Map<String, Object> model(Authentication authentication, String error) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("users", accounts.all().stream().map(StaffUserView::of).toList());
        model.put("roles", Roles.ALL);
        model.put("agencies", agencies.all());
        model.put("error", error);
        return model;
    }
}
