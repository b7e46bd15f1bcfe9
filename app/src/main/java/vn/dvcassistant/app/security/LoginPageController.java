package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import vn.dvcassistant.app.web.PageText;

import java.util.HashMap;
import java.util.Map;

/**
 * The staff login page. The form posts to Micronaut Security's {@code /login}, which sets the session
 * cookie and redirects to the dashboard, or back here with {@code ?loi=1}.
 */
@Controller("/dang-nhap")
@Secured(SecurityRule.IS_ANONYMOUS)
final class LoginPageController {

    private final PageText text;

    LoginPageController(PageText text) {
        this.text = text;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("security/login")
    HttpResponse<Map<String, Object>> page(@Nullable @QueryValue("loi") String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("t", text);
        model.put("failed", error != null);
        return HttpResponse.ok(model).header("Cache-Control", "no-store");
    }
}
