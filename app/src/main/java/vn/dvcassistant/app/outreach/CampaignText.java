package vn.dvcassistant.app.outreach;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.web.PublicAddress;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks a campaign's text passes, as staff answers do: not empty, no control characters (NUL
 * included), within the channels' length limits, and links only to the province's allowed domains (a
 * mass message is the first thing a scammer would copy; a link elsewhere is refused, not rewritten).
 */
@Singleton
final class CampaignText {

    /** Zalo's consultation message takes 2,000 characters; the footer takes the rest. */
    static final int MAX_ZALO = 1800;
    /** Telegram's message takes 4,096; the footer takes the rest. */
    static final int MAX_TELEGRAM = 3800;

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([^\\s/:?#<>\"']+)");

    private final List<String> allowedDomains;

    CampaignText(OutreachSettings settings, PublicAddress address) {
        List<String> domains = new ArrayList<>();
        settings.allowedLinkDomains().forEach(d -> domains.add(d.strip().toLowerCase(Locale.ROOT)));
        String own = URI.create(address.base()).getHost();
        if (own != null) {
            domains.add(own.toLowerCase(Locale.ROOT));
        }
        this.allowedDomains = List.copyOf(domains);
    }

    /** @return the text without surrounding blanks and with Unix line ends */
    String check(String text, boolean toZalo) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("campaign_text_missing");
        }
        String clean = text.replace("\r\n", "\n").strip();
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t') {
                throw Refusal.invalid("control_characters");
            }
        }
        int length = clean.codePointCount(0, clean.length());
        if (length > (toZalo ? MAX_ZALO : MAX_TELEGRAM)) {
            throw Refusal.invalid(toZalo ? "campaign_text_too_long_zalo" : "campaign_text_too_long");
        }
        Matcher links = LINK.matcher(clean);
        while (links.find()) {
            String host = links.group(1).toLowerCase(Locale.ROOT).replaceAll("^www\\.", "").replaceAll("[.,;)]+$", "");
            if (allowedDomains.stream().noneMatch(d -> host.equals(d) || host.endsWith("." + d))) {
                throw Refusal.invalid("campaign_link_not_allowed");
            }
        }
        return clean;
    }
}
