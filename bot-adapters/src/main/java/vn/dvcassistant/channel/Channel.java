package vn.dvcassistant.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every way a citizen reaches the province through this project, with the code stored in the database and
 * sent over the API. The chat channels ({@link #isChat()}) carry conversations; the others only bring in
 * satisfaction ratings ({@link #SURVEY}, {@link #ASSISTED}, {@link #PERIODIC}) or carry answers to comments ({@link #EMAIL}).
 * Declaration order is the order figures are listed in.
 */
public enum Channel {
    WEB("web", true),
    TELEGRAM("telegram", true),
    ZALO("zalo", true),
    /** The printed survey page a one-stop desk hands out (QR code). */
    SURVEY("survey", false),
    /** Recorded by a volunteer or desk officer on the citizen's behalf; reported apart from the headline figure. */
    ASSISTED("assisted", false),
    /**
     * "Khảo sát định kỳ": periodic surveys (paper forms, phone surveys, desk interviews) whose results staff
     * import as a file; counted in the figures as a channel of their own.
     */
    PERIODIC("periodic", false),
    /** An answer to a comment sent to the e-mail address the citizen left. */
    EMAIL("email", false);

    private final String code;
    private final boolean chat;

    Channel(String code, boolean chat) {
        this.code = code;
        this.chat = chat;
    }

    public String code() {
        return code;
    }

    /** The channel's Vietnamese name on staff pages, exports and reports. */
    public String label() {
        return switch (this) {
            case WEB -> "Trang web";
            case TELEGRAM -> "Telegram";
            case ZALO -> "Zalo";
            case SURVEY -> "Khảo sát";
            case ASSISTED -> "Có hỗ trợ";
            case PERIODIC -> "Khảo sát định kỳ";
            case EMAIL -> "Thư điện tử";
        };
    }

    /** Web, Telegram or Zalo: a conversation with the assistant. */
    public boolean isChat() {
        return chat;
    }

    /** Whether a satisfaction rating may come through this channel (every channel but e-mail). */
    public boolean carriesRatings() {
        return this != EMAIL;
    }

    public static Optional<Channel> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    /** A chat channel by its code; empty for an unknown code or a channel that is not a chat. */
    public static Optional<Channel> chatFromCode(String code) {
        return fromCode(code).filter(Channel::isChat);
    }

    /** The channels a satisfaction rating may come through, in listing order. */
    public static java.util.List<Channel> ratingChannels() {
        return Arrays.stream(values()).filter(Channel::carriesRatings).toList();
    }
}
