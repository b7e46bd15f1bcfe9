package vn.dvcassistant.app.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.dvcassistant.app.web.ScriptlessPageHeaders;

/**
 * The citizens' pages get the staff pages' strict headers (no framing, no type sniffing, nothing sent to
 * other sites, not cached): the survey forms and the transparency page run no script at all, and the
 * chat page runs only its own script file and talks only to this service.
 */
@ServerFilter({"/", "/index.html", "/khao-sat/**", "/minh-bach", "/minh-bach/**"})
final class PublicPageHeadersFilter {

    /** Survey and transparency pages: inline styles only, forms posting back here. */
    static final String SCRIPTLESS_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The chat page: its own script and style sheet, its API calls and strings from this service only. */
    static final String CHAT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        boolean chat = "/".equals(path) || "/index.html".equals(path);
        ScriptlessPageHeaders.apply(response, chat ? CHAT_POLICY : SCRIPTLESS_POLICY);
    }
}
