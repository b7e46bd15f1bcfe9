package vn.dvcassistant.app.web;

import io.micronaut.http.MutableHttpResponse;

/** Headers for server-rendered pages that run no script and hold something not to leak or cache. */
public final class ScriptlessPageHeaders {

    private ScriptlessPageHeaders() {
    }

    /** @param contentSecurityPolicy the page's policy; each page allows only what it uses */
    public static void apply(MutableHttpResponse<?> response, String contentSecurityPolicy) {
        response.header("Content-Security-Policy", contentSecurityPolicy);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "same-origin");
        response.header("Cache-Control", "no-store");
    }
}
