package vn.dvcassistant.app.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.BasicAuthAuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * HTTP Basic only for the metrics scraper on /prometheus. Accepted everywhere, it was a way around the
 * login form (and its limits) and made every request with a made-up password cost a bcrypt check.
 * Elsewhere the header is ignored: the request is anonymous (401, or the login page for a browser).
 */
@Singleton
@Replaces(BasicAuthAuthenticationFetcher.class)
final class ScraperBasicAuthFetcher<B> extends BasicAuthAuthenticationFetcher<B> {

    static final String SCRAPER_PATH = "/prometheus";

    ScraperBasicAuthFetcher(Authenticator<HttpRequest<B>> authenticator) {
        super(authenticator);
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<B> request) {
        if (!SCRAPER_PATH.equals(request.getPath())) {
            return Publishers.empty();
        }
        return super.fetchAuthentication(request);
    }
}
