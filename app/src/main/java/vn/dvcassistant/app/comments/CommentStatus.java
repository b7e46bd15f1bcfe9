package vn.dvcassistant.app.comments;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The handling of a comment, as on the national feedback system (PAKN): received, needs more
 * information from the citizen, in progress at the agency, answered, published; or rejected, or
 * transferred to another body. A comment only moves along the arrows of {@link #next()}.
 */
public enum CommentStatus {
    RECEIVED("received"),
    NEEDS_INFO("needs_info"),
    IN_PROGRESS("in_progress"),
    ANSWERED("answered"),
    PUBLISHED("published"),
    REJECTED("rejected"),
    TRANSFERRED("transferred");

    private final String code;

    CommentStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The statuses this one may move to; none once published, rejected or transferred. */
    public Set<CommentStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(NEEDS_INFO, IN_PROGRESS, REJECTED, TRANSFERRED);
            case NEEDS_INFO -> EnumSet.of(IN_PROGRESS, REJECTED);
            case IN_PROGRESS -> EnumSet.of(NEEDS_INFO, ANSWERED, TRANSFERRED);
            // An answer can be corrected (back to in progress) until it is published.
            case ANSWERED -> EnumSet.of(PUBLISHED, IN_PROGRESS);
            case PUBLISHED, REJECTED, TRANSFERRED -> EnumSet.noneOf(CommentStatus.class);
        };
    }

    public boolean canMoveTo(CommentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public static Optional<CommentStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
