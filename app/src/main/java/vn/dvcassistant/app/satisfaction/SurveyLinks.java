package vn.dvcassistant.app.satisfaction;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.web.PublicAddress;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The absolute address a printed survey's QR code and link point to (from {@code DVC_PUBLIC_URL}). */
@Singleton
public final class SurveyLinks {

    private final String base;

    SurveyLinks(PublicAddress address) {
        this.base = address.base();
    }

    public String url(String topicId, String token) {
        return base + "/khao-sat/" + URLEncoder.encode(topicId, StandardCharsets.UTF_8)
                + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
