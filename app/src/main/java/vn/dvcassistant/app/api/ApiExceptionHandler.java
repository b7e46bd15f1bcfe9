package vn.dvcassistant.app.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<?>> {

    private final Messages messages;

    ApiExceptionHandler(Messages messages) {
        this.messages = messages;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException exception) {
        String message = messages.get("error." + exception.code());
        MutableHttpResponse<?> response = exception instanceof InvalidFieldException invalid
                ? HttpResponse.status(exception.status()).body(new FieldErrorBody(exception.code(), message, invalid.field()))
                : HttpResponse.status(exception.status()).body(new ErrorBody(exception.code(), message));
        if (exception instanceof RateLimitedException limited) {
            response.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (exception instanceof RetryLaterException later) {
            response.header("Retry-After", Long.toString(later.retryAfterSeconds()));
        }
        return response;
    }
}
