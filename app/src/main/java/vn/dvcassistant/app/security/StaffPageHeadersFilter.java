package vn.dvcassistant.app.security;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Staff pages run no script at all, so the browser is told to refuse every script: even a comment
 * that slipped past escaping could not run. They are never cached or framed either.
 */
@ServerFilter({"/quan-tri", "/quan-tri/**", "/dang-nhap"})
final class StaffPageHeadersFilter {

    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ResponseFilter
    void headers(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cache-Control", "no-store");
    }
}
