package vn.dvcassistant.app.comments;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.web.PublicAddress;

/**
 * The public tracking page of a comment, {@code /gop-y/tra-cuu?ma=GY-XXXXXX}. Absolute (from
 * {@code dvc.public-url}) because the link is also sent in Telegram and Zalo messages.
 */
@Singleton
public class TrackingPageLinks {

    public static final String PATH = "/gop-y/tra-cuu";

    private final String publicUrl;

    TrackingPageLinks(PublicAddress address) {
        this.publicUrl = address.base();
    }

    /** Tracking codes hold only A-Z, 0-9 and "-", so the code needs no encoding. */
    public String of(String code) {
        return publicUrl + PATH + "?ma=" + code;
    }

    public String transparencyPage() {
        return publicUrl + "/minh-bach";
    }
}
