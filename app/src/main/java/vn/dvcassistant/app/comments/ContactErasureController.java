package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import vn.dvcassistant.app.i18n.Messages;

/** The API form of {@link ContactErasure}; the tracking page has the same as a plain form. */
@Controller("/api/v1/comments")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ContactErasureController {

    private final ContactErasure erasure;
    private final Messages messages;

    ContactErasureController(ContactErasure erasure, Messages messages) {
        this.erasure = erasure;
        this.messages = messages;
    }

    @Post("/{code}/contact-erasure")
    @Operation(summary = "Erase the contact details of a comment sent from the web form",
            description = "Give the phone number or e-mail address sent with the comment. 404 contact_not_found "
                    + "when the code and the contact do not belong together (or no contact is stored any more).")
    Erased erase(String code, @Body ContactErasureRequest request) {
        erasure.erase(code, request.contact());
        return new Erased(true, messages.get("tracking.contactErased"));
    }

    /** @param contact the phone number or e-mail address given with the comment */
    @Serdeable
    record ContactErasureRequest(@Nullable String contact) {
    }

    @Serdeable
    record Erased(boolean erased, String message) {
    }
}
