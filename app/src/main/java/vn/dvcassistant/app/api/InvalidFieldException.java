package vn.dvcassistant.app.api;

import io.micronaut.http.HttpStatus;

/** A 400 about one named field of the request, so a client (or a developer) knows which one to fix. */
public final class InvalidFieldException extends ApiException {

    private final String field;

    public InvalidFieldException(String code, String field) {
        super(HttpStatus.BAD_REQUEST, code);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
