package vn.dvcassistant.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

/** Every {@link Refusal} leaves as the error JSON, its reason mapped to an HTTP status here and only here. */
@Produces
@Singleton
@Requires(classes = {Refusal.class, ExceptionHandler.class})
public final class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<?>> {

    private final Messages messages;

    RefusalHandler(Messages messages) {
        this.messages = messages;
    }

    /** The HTTP status of a refusal; pages that show a refusal themselves answer with it too. */
    public static HttpStatus status(Refusal refusal) {
        return switch (refusal.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, Refusal refusal) {
        String message = messages.get("error." + refusal.code());
        MutableHttpResponse<?> response = refusal instanceof InvalidFieldException invalid
                ? HttpResponse.status(status(refusal)).body(new FieldErrorBody(refusal.code(), message, invalid.field()))
                : HttpResponse.status(status(refusal)).body(new ErrorBody(refusal.code(), message));
        if (refusal instanceof RateLimitedException limited) {
            response.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (refusal instanceof RetryLaterException later) {
            response.header("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
        return response;
    }
}
