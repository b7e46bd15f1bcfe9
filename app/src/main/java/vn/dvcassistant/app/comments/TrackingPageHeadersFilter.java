package vn.dvcassistant.app.comments;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import vn.dvcassistant.app.web.ScriptlessPageHeaders;

/**
 * The tracking page's address holds the tracking code, which is what lets anyone add information to a
 * web-form comment: it must not leak in a Referer, a shared cache or a framing site. The page runs no
 * script, so none is allowed.
 */
@ServerFilter({TrackingPageLinks.PATH, TrackingPageLinks.PATH + "/**"})
final class TrackingPageHeadersFilter {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        ScriptlessPageHeaders.apply(response, POLICY);
    }
}
