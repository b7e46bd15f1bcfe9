package vn.dvcassistant.kb;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an entry is. A procedure has an authority, an online level, a fee and a time, and the answer
 * shows them; an information topic (how to log in, what online services are good for) has none of
 * them, and printing "Lệ phí: ..." or "Làm trực tuyến: không" under it would mislead.
 */
public enum TopicKind {
    PROCEDURE("procedure"),
    INFORMATION("information");

    private final String code;

    TopicKind(String code) {
        this.code = code;
    }

    /** The value of the YAML key {@code kind}. */
    public String code() {
        return code;
    }

    public static Optional<TopicKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
