package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.ApiException;
import vn.dvcassistant.app.comments.CitizenComment;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.security.StaffMember;

/**
 * Staff actions on a comment, each checked against the staff member's agency before the comment
 * service is called: agency staff act only on their own agency's comments.
 */
@Singleton
class CommentHandling {

    private final CommentService comments;

    CommentHandling(CommentService comments) {
        this.comments = comments;
    }

    CitizenComment view(StaffMember me, String code) {
        CitizenComment comment = comments.find(code)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown_comment"));
        if (!me.mayHandleAgency(comment.agency())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "agency_forbidden");
        }
        return comment;
    }

    /** Answers and publishes: the answer goes to the citizen's channel (outbox) and to the public page. */
    CitizenComment answer(StaffMember me, String code, String answer) {
        CitizenComment comment = view(me, code);
        if (comment.commentStatus() == vn.dvcassistant.app.comments.CommentStatus.RECEIVED) {
            comments.startHandling(comment.code(), actor(me));
        }
        comments.answer(comment.code(), actor(me), answer);
        return comments.publish(comment.code(), actor(me));
    }

    private static String actor(StaffMember me) {
        return me.username();
    }
}
