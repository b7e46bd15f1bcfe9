package vn.dvcassistant.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.database.DatabaseOutages;
import vn.dvcassistant.app.database.LoggedSqlError;
import vn.dvcassistant.app.i18n.Messages;

/**
 * Every error Micronaut itself produces (malformed JSON, conversion failures, 404,
 * 405, 415, 413, unexpected exceptions) leaves in our error shape, in Vietnamese, without internals.
 * A database that cannot be reached is a 503 with Retry-After: nothing was stored, and the same request
 * will succeed once PostgreSQL is back (clients, load balancers and Telegram's webhook retry on it).
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorResponseProcessor.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    private final Messages messages;

    JsonErrorResponseProcessor(Messages messages) {
        this.messages = messages;
    }

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        if (response.getStatus().getCode() >= 500 && DatabaseOutages.isCause(cause)) {
            LOG.warn("request_failed method={} path={} reason=database_unavailable error={}",
                    context.getRequest().getMethodName(), context.getRequest().getPath(), cause.toString());
            return response.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody("service_unavailable", messages.get("error.service_unavailable")));
        }
        String refusedByDatabase = response.getStatus().getCode() >= 500 ? StoredTextRefusals.code(cause) : null;
        if (refusedByDatabase != null) {
            // A value the checks in front let through but PostgreSQL refuses: still the client's input, so 400.
            LOG.warn("request_refused method={} path={} reason={}", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), refusedByDatabase);
            return response.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(new ErrorBody(refusedByDatabase, messages.get("error." + refusedByDatabase)));
        }
        String code = code(response.getStatus(), cause);
        if (response.getStatus().getCode() >= 500) {
            // A database error's message quotes the statement's values (citizens' words, tracking codes).
            LOG.error("request_failed method={} path={}", context.getRequest().getMethodName(),
                    context.getRequest().getPath(), hasSqlError(cause) ? LoggedSqlError.of(cause) : cause);
        }
        if (response.getStatus() == HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
            // The API contract promises 400 for every kind of bad input, a wrong content type included;
            // the machine-readable code still tells clients what was wrong.
            response.status(HttpStatus.BAD_REQUEST);
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ErrorBody(code, messages.get("error." + code)));
    }

    private static boolean hasSqlError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static String code(HttpStatus status, Throwable cause) {
        return switch (status) {
            case BAD_REQUEST -> badRequestCode(cause);
            case NOT_FOUND -> "not_found";
            case METHOD_NOT_ALLOWED -> "method_not_allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
            case REQUEST_ENTITY_TOO_LARGE -> "too_large";
            case NOT_ACCEPTABLE -> "not_acceptable";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case TOO_MANY_REQUESTS -> "rate_limited";
            default -> status.getCode() >= 500 ? "internal_error" : "invalid_request";
        };
    }

    private static String badRequestCode(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof SerdeException) {
                return "malformed_json";
            }
            if (t instanceof ConversionErrorException) {
                return "invalid_field";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return "invalid_request";
    }
}
