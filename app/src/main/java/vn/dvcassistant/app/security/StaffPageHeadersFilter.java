package vn.dvcassistant.app.security;

import vn.dvcassistant.app.web.ScriptlessPageHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Staff pages run no script at all, so the browser is told to refuse every script: even a comment
 * that slipped past escaping could not run. They are never cached or framed either.
 *
 * <p>The referrer policy is {@code same-origin}, not {@code no-referrer}: under {@code no-referrer} browsers
 * send {@code Origin: null} with every form post, and Micronaut's CORS filter refuses (403, before any
 * controller or log line) a request whose origin is not local when the server's own host is local, as on
 * a staff machine or behind a proxy that forwards to 127.0.0.1. The login and answer forms then never
 * reach the server. {@code same-origin} still sends nothing to other sites.
 */
@ServerFilter({"/quan-tri", "/quan-tri/**", "/dang-nhap"})
final class StaffPageHeadersFilter {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        ScriptlessPageHeaders.apply(response, POLICY);
    }
}
