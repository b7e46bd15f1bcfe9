package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.comments.CommentHandling;
import vn.dvcassistant.app.comments.StaffCommentQueries;
import vn.dvcassistant.app.web.PageText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentTracking;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffMember;

import vn.dvcassistant.app.privacy.PublicTextSuggestion;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Comments for the staff who handle them: agency staff see and act on only their agency's comments,
 * admins all. Each action exists as a form post on the comment's page (redirecting back to it, or showing
 * it again with the reason when refused) and as JSON under {@code /api/v1/admin/comments/{code}/...}.
 */
@Controller
@Secured({Roles.ADMIN, Roles.AGENCY_STAFF})
@ExecuteOn(TaskExecutors.BLOCKING)
final class StaffCommentController {

    private static final int LISTED = 200;
    private static final String PAGE = "/quan-tri/gop-y/{code}";
    private static final String API = "/api/v1/admin/comments/{code}";

    @Serdeable
    record AnswerForm(@Nullable String answer) {
    }

    @Serdeable
    record InformationForm(@Nullable String question) {
    }

    @Serdeable
    record RejectForm(@Nullable String reason) {
    }

    /** {@code agency}: an agency code of the province; {@code to}: any other body, by name. */
    @Serdeable
    record TransferForm(@Nullable String agency, @Nullable String to) {
    }

    /** Either or both: the corrected field code and agency code. */
    @Serdeable
    record ReclassifyForm(@Nullable String field, @Nullable String agency) {
    }

    /** The citizen's text as the public will see it, confirmed by the staff member publishing. */
    @Serdeable
    record PublishForm(@Nullable String publicText) {
    }

    /** One part of the masker's suggestion: {@code kind} null for the citizen's own words. */
    @Serdeable
    record SuggestedPart(String text, @Nullable String kind, @Nullable String original) {
    }

    /** For staff only: the original text, and the masker's suggestion for the public one. */
    @Serdeable
    record PublicTextDraft(String code, String original, String suggested, List<SuggestedPart> parts,
                           @Nullable String publicText) {
    }

    @Serdeable
    record AnsweredComment(String code, String status, String answer) {
    }

    /** A comment after a staff action: what the citizen's tracking page now shows, and who handles it. */
    @Serdeable
    record HandledComment(String code, String status, String statusLabel, String agency, @Nullable String statusNote,
                          @Nullable String answer, @Nullable String publicText) {
    }

    private final CommentService comments;
    private final StaffCommentQueries queries;
    private final CommentHandling handling;
    private final StaffCommentPage page;
    private final Messages messages;
    private final PageText text;

    StaffCommentController(StaffCommentQueries queries, CommentHandling handling, StaffCommentPage page,
                           Messages messages, PageText text, CommentService comments) {
        this.comments = comments;
        this.queries = queries;
        this.handling = handling;
        this.page = page;
        this.messages = messages;
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

    @Get(PAGE)
    @Produces(MediaType.TEXT_HTML)
    @View("admin/comment")
    Map<String, Object> detail(Authentication authentication, @PathVariable String code) {
        StaffMember me = StaffMember.of(authentication);
        return page.model(me, handling.view(me, code), null);
    }

    @Post(value = PAGE + "/tra-loi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> answerForm(Authentication authentication, @PathVariable String code, @Body AnswerForm form) {
        return fromForm(authentication, code, me -> handling.answer(me, code, form.answer()));
    }

    @Post(value = PAGE + "/xu-ly", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> startForm(Authentication authentication, @PathVariable String code) {
        return fromForm(authentication, code, me -> handling.startHandling(me, code));
    }

    @Post(value = PAGE + "/bo-sung", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> requestInformationForm(Authentication authentication, @PathVariable String code,
                                           @Body InformationForm form) {
        return fromForm(authentication, code, me -> handling.requestInformation(me, code, form.question()));
    }

    @Post(value = PAGE + "/tu-choi", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> rejectForm(Authentication authentication, @PathVariable String code, @Body RejectForm form) {
        return fromForm(authentication, code, me -> handling.reject(me, code, form.reason()));
    }

    @Post(value = PAGE + "/chuyen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> transferForm(Authentication authentication, @PathVariable String code, @Body TransferForm form) {
        return fromForm(authentication, code, me -> handling.transfer(me, code, form.agency(), form.to()));
    }

    @Post(value = PAGE + "/cong-bo", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> publishForm(Authentication authentication, @PathVariable String code,
                                @Nullable @Body PublishForm form) {
        String typed = form == null ? null : form.publicText();
        return fromForm(authentication, code, me -> handling.publish(me, code, typed), typed);
    }

    /** The page again, its preview showing the public text as typed; nothing is stored. */
    @Post(value = PAGE + "/xem-truoc", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @View("admin/comment")
    Map<String, Object> previewForm(Authentication authentication, @PathVariable String code,
                                    @Nullable @Body PublishForm form) {
        StaffMember me = StaffMember.of(authentication);
        String typed = form == null ? null : form.publicText();
        return page.model(me, handling.view(me, code), typed == null || typed.isBlank()
                ? messages.get("error.missing_public_text") : null, typed);
    }

    /** The masker's suggestion for the public text, and the public text once published. */
    @Get(API + "/public-text")
    PublicTextDraft publicTextJson(Authentication authentication, @PathVariable String code) {
        CitizenComment comment = handling.view(StaffMember.of(authentication), code);
        PublicTextSuggestion suggestion = PublicTextSuggestion.of(comment.text());
        return new PublicTextDraft(comment.code(), comment.text(), suggestion.text(), suggestion.segments().stream()
                .map(p -> new SuggestedPart(p.text(), p.kind(), p.original())).toList(), comment.publicText());
    }

    @Post(value = PAGE + "/phan-loai", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> reclassifyForm(Authentication authentication, @PathVariable String code, @Body ReclassifyForm form) {
        return fromForm(authentication, code, me -> handling.reclassify(me, code, form.field(), form.agency()));
    }

    /** 200 with the comment as its tracking page shows it (field, agency, kind). */
    @Post(API + "/reclassify")
    CommentTracking reclassifyJson(Authentication authentication, @PathVariable String code, @Body ReclassifyForm form) {
        CitizenComment corrected = handling.reclassify(StaffMember.of(authentication), code, form.field(), form.agency());
        return comments.track(corrected.code()).orElseThrow();
    }

    @Post(API + "/answer")
    AnsweredComment answerJson(Authentication authentication, @PathVariable String code, @Body AnswerForm form) {
        CitizenComment answered = handling.answer(StaffMember.of(authentication), code, form.answer());
        return new AnsweredComment(answered.code(), answered.status(), answered.answer());
    }

    @Post(API + "/start")
    HandledComment startJson(Authentication authentication, @PathVariable String code) {
        return handled(handling.startHandling(StaffMember.of(authentication), code));
    }

    @Post(API + "/request-information")
    HandledComment requestInformationJson(Authentication authentication, @PathVariable String code,
                                          @Body InformationForm form) {
        return handled(handling.requestInformation(StaffMember.of(authentication), code, form.question()));
    }

    @Post(API + "/reject")
    HandledComment rejectJson(Authentication authentication, @PathVariable String code, @Body RejectForm form) {
        return handled(handling.reject(StaffMember.of(authentication), code, form.reason()));
    }

    @Post(API + "/transfer")
    HandledComment transferJson(Authentication authentication, @PathVariable String code, @Body TransferForm form) {
        return handled(handling.transfer(StaffMember.of(authentication), code, form.agency(), form.to()));
    }

    /** {@code {"publicText": "..."}}: the citizen's text as it will be public; 400 {@code missing_public_text} without. */
    @Post(API + "/publish")
    HandledComment publishJson(Authentication authentication, @PathVariable String code,
                               @Nullable @Body PublishForm form) {
        return handled(handling.publish(StaffMember.of(authentication), code, form == null ? null : form.publicText()));
    }

    /**
     * Runs a page action: back to the comment's page when done; the page again with the reason when the
     * input or the comment's status is wrong. Not found and forbidden stay errors: there is no page to show.
     */
    private HttpResponse<?> fromForm(Authentication authentication, String code,
                                     Function<StaffMember, CitizenComment> action) {
        return fromForm(authentication, code, action, null);
    }

    /** {@code typedPublicText}: shown again in the public text's box when the action is refused. */
    private HttpResponse<?> fromForm(Authentication authentication, String code,
                                     Function<StaffMember, CitizenComment> action, @Nullable String typedPublicText) {
        StaffMember me = StaffMember.of(authentication);
        try {
            CitizenComment done = action.apply(me);
            // After handing it to another agency, agency staff may no longer open it: back to their list.
            return HttpResponse.seeOther(URI.create(me.mayHandleAgency(done.agency())
                    ? "/quan-tri/gop-y/" + done.code() : "/quan-tri/gop-y"));
        } catch (Refusal refused) {
            if (refused.reason() != Refusal.Reason.INVALID) {
                throw refused;
            }
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(new ModelAndView<>("admin/comment",
                    page.model(me, handling.view(me, code), messages.get("error." + refused.code()),
                            typedPublicText)));
        }
    }

    private HandledComment handled(CitizenComment c) {
        return new HandledComment(c.code(), c.status(), messages.get("comment.status." + c.status()), c.agency(),
                c.statusNote(), c.answer(), c.publicText());
    }
}
