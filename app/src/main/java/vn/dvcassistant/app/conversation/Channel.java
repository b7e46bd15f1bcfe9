package vn.dvcassistant.app.conversation;

import java.util.Arrays;
import java.util.Optional;

/** Where a message came from; each channel renders the same reply in its own format. */
public enum Channel {
    WEB("web"),
    TELEGRAM("telegram"),
    ZALO("zalo");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
