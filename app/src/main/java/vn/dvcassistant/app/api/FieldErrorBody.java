package vn.dvcassistant.app.api;

import io.micronaut.serde.annotation.Serdeable;

/** The error body with the name of the field that was refused (as sent by the client). */
@Serdeable
public record FieldErrorBody(String error, String message, String field) {
}
