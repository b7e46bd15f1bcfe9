package vn.dvcassistant.app.api;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every error answer: a machine code and a short Vietnamese sentence. */
@Serdeable
public record ErrorBody(String error, String message) {
}
