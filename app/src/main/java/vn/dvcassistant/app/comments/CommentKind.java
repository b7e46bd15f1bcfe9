package vn.dvcassistant.app.comments;

/**
 * What a tracked item is: a citizen's comment, or an unanswered question handed over to staff. Both follow the
 * comment lifecycle; the kind is stored in {@code citizen_comment.kind} and keeps them apart in the figures.
 */
public enum CommentKind {
    COMMENT("comment"),
    QUESTION("question");

    private final String code;

    CommentKind(String code) {
        this.code = code;
    }

    /** The value stored in the database and shown in the API ({@code kind}). */
    public String code() {
        return code;
    }

    public static CommentKind fromCode(String code) {
        for (CommentKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown comment kind: " + code);
    }
}
