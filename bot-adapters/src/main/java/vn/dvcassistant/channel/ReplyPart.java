package vn.dvcassistant.channel;

import java.util.List;
import java.util.Objects;

/** One block of an answer. Each channel renders the structure its own way. */
public sealed interface ReplyPart {

    /** Plain text; line breaks inside are kept. */
    record Paragraph(String text) implements ReplyPart {
        public Paragraph {
            requireText(text, "paragraph text");
        }
    }

    /** Steps that happen in order: "1. ...", "2. ...". The title may be null. */
    record NumberedList(String title, List<String> items) implements ReplyPart {
        public NumberedList {
            items = requireItems(items);
        }
    }

    /** Items without an order (documents to bring, for example). The title may be null. */
    record BulletList(String title, List<String> items) implements ReplyPart {
        public BulletList {
            items = requireItems(items);
        }
    }

    /** A link to an official page, shown with a readable label. */
    record Link(String label, String url) implements ReplyPart {
        public Link {
            requireText(label, "link label");
            requireText(url, "link url");
            if (!url.startsWith("https://") && !url.startsWith("http://")) {
                throw new IllegalArgumentException("link url must be http(s): " + url);
            }
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static List<String> requireItems(List<String> items) {
        Objects.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a list needs at least one item");
        }
        items.forEach(item -> requireText(item, "list item"));
        return List.copyOf(items);
    }
}
