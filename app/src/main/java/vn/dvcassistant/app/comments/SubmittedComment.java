package vn.dvcassistant.app.comments;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What the citizen gets back: the tracking code and when to expect an answer.
 *
 * @param contactStored false when contact details were sent without consent and therefore dropped
 * @param trackingUrl   the public page that shows how the comment is handled
 */
@Serdeable
public record SubmittedComment(String code, String status, String agency, String agencyName, String answerDue,
                               boolean contactStored, String message,
                               String trackingUrl) {
}
