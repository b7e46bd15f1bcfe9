package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.View;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import java.net.URI;
import java.util.Map;

/**
 * Comments for the staff who answer them: agency staff see and answer only their agency's comments,
 * admins all. The answer is published at once and queued to the citizen's channel.
 */
@Controller
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffCommentController {

    private static final int LISTED = 200;

    @Serdeable
    record AnswerForm(String answer) {
    }

    @Serdeable
    record AnsweredComment(String code, String status, String answer) {
    }

    private final StaffCommentQueries queries;
    private final CommentHandling handling;
    private final CommentService comments;
    private final PageText text;

    StaffCommentController(StaffCommentQueries queries, CommentHandling handling, CommentService comments,
                           PageText text) {
        this.queries = queries;
        this.handling = handling;
        this.comments = comments;
        this.text = text;
    }

    @Get("/quan-tri/gop-y")
    @Produces(MediaType.TEXT_HTML)
    @View("admin/comments")
    Map<String, Object> list(Authentication authentication) {
        StaffMember me = StaffMember.of(authentication);
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("comments", queries.list(me.forcedAgency(), LISTED));
        return model;
    }

    @Get("/quan-tri/gop-y/{code}")
    @Produces(MediaType.TEXT_HTML)
    @View("admin/comment")
    Map<String, Object> detail(Authentication authentication, @PathVariable String code) {
        StaffMember me = StaffMember.of(authentication);
        CitizenComment comment = handling.view(me, code);
        Map<String, Object> model = StaffPages.model(me, text);
        model.put("comment", comment);
        model.put("history", comments.history(comment.code()));
        return model;
    }

    @Post(value = "/quan-tri/gop-y/{code}/tra-loi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> answerForm(Authentication authentication, @PathVariable String code, @Body AnswerForm form) {
        CitizenComment answered = handling.answer(StaffMember.of(authentication), code, form.answer());
        return HttpResponse.seeOther(URI.create("/quan-tri/gop-y/" + answered.code()));
    }

    @Post("/api/v1/admin/comments/{code}/answer")
    AnsweredComment answerJson(Authentication authentication, @PathVariable String code, @Body AnswerForm form) {
        CitizenComment answered = handling.answer(StaffMember.of(authentication), code, form.answer());
        return new AnsweredComment(answered.code(), answered.status(), answered.answer());
    }
}
