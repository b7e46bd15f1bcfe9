package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvcassistant.app.api.IdempotentRequests;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.api.StrictBoolean;

/** The citizen's side of comments: send one, follow it by its code, add missing information, react. */
@Controller("/api/v1/comments")
@Secured(SecurityRule.IS_ANONYMOUS)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Comments")
final class CommentController {

    @Serdeable
    record ReactionRequest(@Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean useful) {
    }

    @Serdeable
    record InformationRequest(@Nullable String text) {
    }

    private final CommentService comments;
    private final CommentReactions reactions;
    private final ReaderCookie readers;
    private final IdempotentRequests idempotent;

    CommentController(CommentService comments, CommentReactions reactions, IdempotentRequests idempotent,
                      ReaderCookie readers) {
        this.readers = readers;
        this.comments = comments;
        this.reactions = reactions;
        this.idempotent = idempotent;
    }

    @Post
    @Operation(summary = "Send a comment (góp ý, phản ánh); answers 201 with the public tracking code",
            description = "Routed to the agency for the topic's field. Identity and phone numbers in the text are "
                    + "masked; name, phone and email are stored only with consent: true.")
    HttpResponse<?> submit(@Body CommentRequest request,
                           @Nullable @Header(IdempotentRequests.HEADER) String idempotencyKey) {
        // A retried submission with the same key returns the first tracking code instead of a second comment.
        return idempotent.onceWithRecord("comment", idempotencyKey, () -> HttpResponse.created(comments.submit(
                new CommentSubmission(request.text(), request.topicId(), request.field(),
                        request.channel() == null ? "web" : request.channel(), Boolean.TRUE.equals(request.consent()),
                        request.name(), request.phone(), request.email(), null))));
    }

    @Get("/{code}")
    @Operation(summary = "Follow a comment by its tracking code: status, dates and, once published, the answer")
    CommentTracking track(String code) {
        return comments.track(code).orElseThrow(() -> Refusal.notFound("unknown_comment"));
    }

    @Post("/{code}/information")
    @Operation(summary = "Add the information the agency asked for (status needs_info only)",
            description = "404 unknown_comment; 409 not_waiting_for_information unless the status is needs_info; "
                    + "403 information_in_chat for a comment sent from a Telegram or Zalo chat that keeps its reply "
                    + "address: only that chat may add to it (\"bổ sung <code> ...\").")
    CommentTracking supplyInformation(String code, @Body InformationRequest request) {
        comments.supplyInformation(code, request.text());
        return track(code);
    }

    @Post("/{code}/reaction")
    @Operation(summary = "Mark a published answer useful or not useful",
            description = "One vote per reader, told apart by the anonymous dvc_reader cookie the transparency page "
                    + "(/minh-bach) issues when shown: the same vote again changes nothing, the other one moves it. "
                    + "403 reader_cookie_required without a cookie the service issued; 404 unknown_published_comment.")
    CommentTracking react(HttpRequest<?> http, String code, @Body ReactionRequest request) {
        if (request.useful() == null) {
            throw Refusal.invalid("missing_useful");
        }
        String reader = readers.reader(http).orElseThrow(() -> Refusal.forbidden("reader_cookie_required"));
        reactions.react(code, reader, request.useful());
        return track(code);
    }
}
