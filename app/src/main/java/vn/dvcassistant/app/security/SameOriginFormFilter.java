package vn.dvcassistant.app.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.web.PublicAddress;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery: a state-changing staff request (every form, the JSON admin API, logout) and
 * the login must come from the service's own pages. SameSite=Strict alone is not enough, because a sibling
 * sub-domain of the province's site counts as the same site, and it does nothing for login CSRF.
 *
 * <p>The browser's {@code Origin} (or, without it, the {@code Referer}) must be the origin of
 * {@code DVC_PUBLIC_URL} or the origin the request itself was sent to (its {@code Host}, which a page on
 * another origin cannot set). A request carrying neither is refused unless its body is JSON: a page on
 * another site can only send a form, or plain text, without the browser asking first, and CORS is off.
 */
@ServerFilter({"/login", "/dang-xuat", "/quan-tri/**", "/api/v1/admin/**"})
final class SameOriginFormFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(SameOriginFormFilter.class);

    private final String publicOrigin;

    SameOriginFormFilter(PublicAddress address) {
        String publicUrl = address.publicUrl();
        this.publicOrigin = origin(publicUrl).orElseThrow(
                () -> new IllegalStateException("DVC_PUBLIC_URL must be an absolute http(s) address: " + publicUrl));
    }

    /** Before security, so a forged request is refused before any password is checked or session read. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE) {
            return;
        }
        Optional<String> declared = request.getHeaders().get(HttpHeaders.ORIGIN, String.class)
                .or(() -> request.getHeaders().get(HttpHeaders.REFERER, String.class));
        if (declared.isEmpty()) {
            boolean json = request.getContentType().map(type -> type.getSubtype().toLowerCase(Locale.ROOT)
                    .equals(MediaType.APPLICATION_JSON_TYPE.getSubtype())).orElse(false);
            if (json) {
                return;
            }
            refuse("missing");
        }
        Optional<String> origin = origin(declared.get());
        if (origin.isEmpty()) {
            refuse("unreadable");
        }
        if (origin.get().equals(publicOrigin) || sameHost(origin.get(), request)) {
            return;
        }
        refuse("other_origin");
    }

    private static boolean sameHost(String origin, HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST, String.class).orElse(null);
        String scheme = origin.substring(0, origin.indexOf("://"));
        return host != null && origin(scheme + "://" + host.strip()).map(origin::equals).orElse(false);
    }

    /** scheme://host[:port] in lower case, the default port left out, or empty for "null" and anything unreadable. */
    static Optional<String> origin(@Nullable String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void refuse(String reason) {
        LOG.info("request=refused reason=cross_site detail={}", reason);
        throw Refusal.forbidden("cross_site_request");
    }
}
