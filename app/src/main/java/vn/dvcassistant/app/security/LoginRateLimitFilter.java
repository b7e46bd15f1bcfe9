package vn.dvcassistant.app.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;

/**
 * Few password attempts per minute from one address, far fewer than the chat allows: bcrypt makes each
 * guess slow, this makes guessing many passwords hopeless and keeps bcrypt from being used to load the CPU.
 * Counts the login form and the scraper's HTTP Basic on /prometheus alike (the only two ways to send a password).
 */
@ServerFilter({"/login", "/prometheus"})
final class LoginRateLimitFilter implements Ordered {

    private final HttpClientAddressResolver addressResolver;
    private final LoginLimiter limiter;

    LoginRateLimitFilter(HttpClientAddressResolver addressResolver, LoginLimiter limiter) {
        this.addressResolver = addressResolver;
        this.limiter = limiter;
    }

    /** Before security, which checks an HTTP Basic password (bcrypt) while it authenticates the request. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    /** Off the event loop: the shared limit is a database statement. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void limit(HttpRequest<?> request) {
        boolean loginForm = request.getMethod() == HttpMethod.POST && "/login".equals(request.getPath());
        boolean basic = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .map(value -> value.regionMatches(true, 0, "Basic ", 0, 6)).orElse(false);
        if (loginForm || basic) {
            limiter.checkAddress(addressResolver.resolve(request));
        }
    }
}
