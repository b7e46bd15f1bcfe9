package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.dvcassistant.app.alerts.StaffAlertAddresses;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.api.RefusalHandler;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.security.NewStaffUser;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffMember;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Admins list, create, deactivate and reactivate staff accounts, and set a new password for one. */
@Controller("/quan-tri/nguoi-dung")
@Secured(Roles.ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffUserPageController {

    /** The notices a successful action redirects to ({@code ?xong=...}); anything else shows nothing. */
    private static final Set<String> DONE = Set.of("deactivated", "activated", "password", "alerts");

    @Serdeable
    record PasswordForm(@Nullable String password) {
    }

    /** A new account, with the e-mail address its alerts go to (optional; alerts as they happen). */
    @Serdeable
    record CreateForm(@Nullable String username, @Nullable String password, @Nullable String role,
                      @Nullable String agencyCode, @Nullable String displayName, @Nullable String email) {
        @Override
        public String toString() {
            return "CreateForm[username=" + username + ", role=" + role + ", agencyCode=" + agencyCode + "]";
        }
    }

    /** Where and how an account receives alerts about its agency's comments and hand-off questions. */
    @Serdeable
    record AlertForm(@Nullable String email, @Nullable String alertMode) {
    }

    private final StaffAccounts accounts;
    private final AgencyDirectory agencies;
    private final PageText text;
    private final Messages messages;
    private final StaffAlertAddresses alerts;

    StaffUserPageController(StaffAccounts accounts, AgencyDirectory agencies, PageText text, Messages messages,
                            StaffAlertAddresses alerts) {
        this.alerts = alerts;
        this.accounts = accounts;
        this.agencies = agencies;
        this.text = text;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> page(Authentication authentication,
                                                         @Nullable @QueryValue("xong") String done) {
        Map<String, Object> model = model(authentication, null);
        if (done != null && DONE.contains(done)) {
            model.put("notice", messages.get("admin.users.done." + done));
        }
        return HttpResponse.ok(new ModelAndView<>("admin/users", model));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(Authentication authentication, @Body CreateForm form) {
        return run(authentication, () -> {
            // The address is checked first, so a typo in it leaves no account half made.
            alerts.checkEmail(form.email());
            var created = accounts.create(new NewStaffUser(form.username(), form.password(), form.role(),
                    form.agencyCode(), form.displayName()));
            if (form.email() != null && !form.email().isBlank()) {
                alerts.update(created.id(), form.email(), StaffAlertAddresses.AlertMode.EACH.code());
            }
        }, null);
    }

    @Post(value = "/{id}/khoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> deactivate(Authentication authentication, @PathVariable UUID id) {
        return run(authentication, () -> accounts.setActive(id, false), "deactivated");
    }

    @Post(value = "/{id}/mo-khoa", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> activate(Authentication authentication, @PathVariable UUID id) {
        return run(authentication, () -> accounts.setActive(id, true), "activated");
    }

    @Post(value = "/{id}/mat-khau", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> setPassword(Authentication authentication, @PathVariable UUID id, @Body PasswordForm form) {
        return run(authentication, () -> accounts.setPassword(id, form.password()), "password");
    }

    @Post(value = "/{id}/canh-bao", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> setAlerts(Authentication authentication, @PathVariable UUID id, @Body AlertForm form) {
        return run(authentication, () -> alerts.update(id, form.email(), form.alertMode()), "alerts");
    }

    /** Back to the list (with a notice) when done; the list again with the reason when refused. */
    private HttpResponse<?> run(Authentication authentication, Runnable action, @Nullable String done) {
        try {
            action.run();
            return HttpResponse.seeOther(URI.create("/quan-tri/nguoi-dung" + (done == null ? "" : "?xong=" + done)));
        } catch (Refusal refused) {
            return HttpResponse.status(RefusalHandler.status(refused)).body(new ModelAndView<>("admin/users",
                    model(authentication, messages.get("error." + refused.code()))));
        }
    }

    private Map<String, Object> model(Authentication authentication, @Nullable String error) {
        Map<String, Object> model = StaffPages.model(StaffMember.of(authentication), text);
        model.put("users", accounts.all().stream().map(StaffUserView::of).toList());
        model.put("roles", Roles.LEAST_PRIVILEGED_FIRST);
        model.put("agencies", agencies.all());
        model.put("agencyNames", agencies.all().stream().collect(java.util.stream.Collectors.toMap(
                vn.dvcassistant.app.province.Agency::code, vn.dvcassistant.app.province.Agency::name, (a, b) -> a)));
        model.put("alerts", alerts.all());
        model.put("alertModes", java.util.Arrays.stream(StaffAlertAddresses.AlertMode.values())
                .map(StaffAlertAddresses.AlertMode::code).toList());
        model.put("error", error);
        model.put("notice", null);
        return model;
    }
}
