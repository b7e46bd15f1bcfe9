package vn.dvcassistant.app.conversation;

import io.micronaut.serde.annotation.Serdeable;

/** @param consent given or refused */
@Serdeable
public record ConsentReply(String consent) {
}
