package vn.dvcassistant.app.stats;

import io.micronaut.serde.annotation.Serdeable;

/** A comment past its current deadline: to answer (received, in progress) or to publish (answered). */
@Serdeable
public record OverdueComment(String code, String agency, String status, String dueOn, int workingDaysLate) {
}
