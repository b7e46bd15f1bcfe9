package vn.dvcassistant.app.comments;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.web.PublicAddress;
import vn.dvcassistant.channel.Channel;

/**
 * The public tracking page of a comment, {@code /gop-y/tra-cuu?ma=GY-XXXXXX}. Absolute (from
 * {@code dvc.public-url}) because the link is also sent in Telegram and Zalo messages.
 */
@Singleton
public class TrackingPageLinks {

    public static final String PATH = "/gop-y/tra-cuu";

    private final String publicUrl;
    private final boolean configured;

    TrackingPageLinks(PublicAddress address) {
        this.publicUrl = address.base();
        this.configured = address.configured();
    }

    /**
     * The link for a message on {@code channel}: relative in the web chat while DVC_PUBLIC_URL is unset (the page
     * knows its own address; a guessed one, such as localhost:8080 behind another port, would not open).
     */
    public String of(String code, Channel channel) {
        return !configured && channel == Channel.WEB ? PATH + "?ma=" + code : of(code);
    }

    /** Tracking codes hold only A-Z, 0-9 and "-", so the code needs no encoding. */
    public String of(String code) {
        return publicUrl + PATH + "?ma=" + code;
    }

    public String transparencyPage() {
        return publicUrl + "/minh-bach";
    }
}
