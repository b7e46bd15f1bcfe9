package vn.dvcassistant.app.satisfaction;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a satisfaction rating reached us. {@link #ASSISTED} ratings are recorded by a volunteer or desk
 * officer on the citizen's behalf; they are kept out of the headline figure and reported on their own.
 */
public enum RatingChannel {
    WEB("web"),
    TELEGRAM("telegram"),
    ZALO("zalo"),
    SURVEY("survey"),
    ASSISTED("assisted");

    private final String code;

    RatingChannel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<RatingChannel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
