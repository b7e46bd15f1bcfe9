package vn.dvcassistant.app.feedback;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.i18n.Messages;

import java.util.UUID;

@Controller("/api/v1/feedback")
@Secured(SecurityRule.IS_ANONYMOUS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Feedback")
final class FeedbackController {

    private final AnswerRatingService ratings;
    private final Messages messages;

    FeedbackController(AnswerRatingService ratings, Messages messages) {
        this.ratings = ratings;
        this.messages = messages;
    }

    @Post
    @Operation(summary = "Rate an answer helpful or not (once per answer; rating again replaces it)",
            description = "201 for the first rating of that answer, 200 when it replaces an earlier one; "
                    + "404 unknown_message when messageId is no answer of the assistant.")
    HttpResponse<FeedbackReply> rate(@Body FeedbackRequest request) {
        UUID messageId = messageId(request.messageId());
        if (request.helpful() == null) {
            throw Refusal.invalid("missing_helpful");
        }
        boolean first = ratings.rate(messageId, request.helpful(), request.comment(), Channel.WEB);
        FeedbackReply reply = new FeedbackReply(messageId, request.helpful(), !first, messages.get("feedback.thanks"));
        return first ? HttpResponse.created(reply) : HttpResponse.ok(reply);
    }

    private static UUID messageId(String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("missing_message_id");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid_message_id");
        }
    }
}
