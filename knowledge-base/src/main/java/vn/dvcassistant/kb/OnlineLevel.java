package vn.dvcassistant.kb;

import java.util.Arrays;
import java.util.Optional;

/** How far a procedure can be done online. */
public enum OnlineLevel {
    /** End to end online: submit, pay and receive the result without visiting an office. */
    TOAN_TRINH("toàn trình"),
    /** Partly online: some step (submitting originals, receiving the result) needs a visit or the post. */
    MOT_PHAN("một phần"),
    KHONG("không");

    private final String label;

    OnlineLevel(String label) {
        this.label = label;
    }

    /** The value used in content files and shown to citizens. */
    public String label() {
        return label;
    }

    public static Optional<OnlineLevel> fromLabel(String label) {
        return Arrays.stream(values()).filter(l -> l.label.equals(label)).findFirst();
    }
}
