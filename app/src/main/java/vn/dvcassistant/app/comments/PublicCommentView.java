package vn.dvcassistant.app.comments;

import vn.dvcassistant.app.i18n.Messages;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model of one comment on the transparency page ({@code transparency-item} fragment), for the page itself and
 * for the staff's preview before publishing, so both show the same thing. Maps, not records: the template
 * language reads bean getters and map keys only.
 */
public final class PublicCommentView {

    private static final List<String> TEXTS = List.of("title", "intro", "empty", "question", "answer", "agency",
            "received", "published", "useful", "notUseful", "previous", "next", "track");

    private PublicCommentView() {
    }

    public static Map<String, String> texts(Messages messages) {
        Map<String, String> t = new HashMap<>();
        for (String key : TEXTS) {
            t.put(key, messages.get("transparency." + key));
        }
        return t;
    }

    public static Map<String, Object> item(CommentTracking c) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("code", c.code());
        item.put("field", c.fieldLabel());
        item.put("agency", c.agencyName());
        item.put("receivedOn", day(c.receivedOn()));
        item.put("publishedOn", day(c.publishedOn()));
        item.put("text", c.text());
        item.put("answer", c.answer());
        item.put("useful", c.usefulCount());
        item.put("notUseful", c.notUsefulCount());
        return item;
    }

    /** dd/mm/yyyy, as every date shown to people (the tracking record holds ISO dates). */
    private static String day(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        java.time.LocalDate day = java.time.LocalDate.parse(isoDate);
        return String.format("%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }
}
