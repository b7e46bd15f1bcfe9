package vn.dvcassistant.app.api;

import io.micronaut.http.HttpStatus;

/** A refusal that the client caused; rendered as the error JSON with the given status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
