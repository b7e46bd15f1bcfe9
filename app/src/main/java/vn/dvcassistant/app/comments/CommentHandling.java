package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.security.StaffMember;


/**
 * Who may do what to a comment: staff actions, each checked against the staff member's agency before the
 * comment service is called (agency staff act only on their own agency's comments). Each action is one
 * transaction; an action the comment's status does not allow is the service's 400 {@code invalid_transition}.
 */
@Singleton
public class CommentHandling {

    private final CommentService comments;

    public CommentHandling(CommentService comments) {
        this.comments = comments;
    }

    public CitizenComment view(StaffMember me, String code) {
        CitizenComment comment = comments.find(code)
                .orElseThrow(() -> Refusal.notFound("unknown_comment"));
        if (!me.mayHandleAgency(comment.agency())) {
            throw Refusal.forbidden("agency_forbidden");
        }
        return comment;
    }

    /**
     * Answers: the answer goes to the citizen's channel (outbox). It is not public yet: publishing is a step of its
     * own ({@link #publish}), taken once staff have seen the public page and confirmed the public version of the
     * citizen's text, so nobody's name or address goes public in the click that answers.
     */
    @Transactional
    public CitizenComment answer(StaffMember me, String code, String answer) {
        CitizenComment comment = view(me, code);
        if (comment.commentStatus() == CommentStatus.RECEIVED) {
            comments.startHandling(comment.code(), actor(me));
        }
        return comments.answer(comment.code(), actor(me), answer);
    }

    @Transactional
    public CitizenComment startHandling(StaffMember me, String code) {
        CitizenComment comment = view(me, code);
        return comments.startHandling(comment.code(), actor(me));
    }

    @Transactional
    public CitizenComment requestInformation(StaffMember me, String code, @Nullable String question) {
        CitizenComment comment = view(me, code);
        return comments.requestInformation(comment.code(), actor(me), question);
    }

    @Transactional
    public CitizenComment reject(StaffMember me, String code, @Nullable String reason) {
        CitizenComment comment = view(me, code);
        return comments.reject(comment.code(), actor(me), reason);
    }

    /**
     * To an agency of the province ({@code agency}, the comment stays open there) or to another body named
     * in {@code toWhom} (the comment is closed here); exactly one of the two.
     */
    @Transactional
    public CitizenComment transfer(StaffMember me, String code, @Nullable String agency, @Nullable String toWhom) {
        CitizenComment comment = view(me, code);
        boolean toAgency = agency != null && !agency.isBlank();
        boolean toOther = toWhom != null && !toWhom.isBlank();
        if (toAgency && toOther) {
            throw Refusal.invalid("ambiguous_transfer_target");
        }
        return toAgency
                ? comments.reassign(comment.code(), actor(me), agency)
                : comments.transfer(comment.code(), actor(me), toWhom);
    }

    /** Staff of the comment's current agency (or admins) correct its field and/or agency. */
    @Transactional
    public CitizenComment reclassify(StaffMember me, String code, @Nullable String field, @Nullable String agency) {
        CitizenComment comment = view(me, code);
        return comments.reclassify(comment.code(), actor(me), field, agency);
    }

    /** An answered comment goes public with {@code publicText}, the version of the citizen's text staff confirmed. */
    @Transactional
    public CitizenComment publish(StaffMember me, String code, @Nullable String publicText) {
        CitizenComment comment = view(me, code);
        return comments.publish(comment.code(), actor(me), publicText);
    }

    private static String actor(StaffMember me) {
        return me.username();
    }
}
