package vn.dvcassistant.channel;

import java.util.ArrayList;
import java.util.List;

/** The parts of a reply as plain-text blocks, for channels without markup (Zalo, the web API's answer). */
public final class PlainTextBlocks {

    private PlainTextBlocks() {}

    public static List<String> of(Reply reply) {
        List<String> blocks = new ArrayList<>();
        for (ReplyPart part : reply.parts()) {
            blocks.add(render(part));
        }
        return blocks;
    }

    private static String render(ReplyPart part) {
        if (part instanceof ReplyPart.Paragraph p) {
            return p.text().strip();
        }
        if (part instanceof ReplyPart.NumberedList l) {
            return list(l.title(), l.items(), true);
        }
        if (part instanceof ReplyPart.BulletList l) {
            return list(l.title(), l.items(), false);
        }
        ReplyPart.Link l = (ReplyPart.Link) part;
        return l.label().strip() + ": " + l.url();
    }

    private static String list(String title, List<String> items, boolean numbered) {
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isBlank()) {
            out.append(title.strip()).append('\n');
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(numbered ? (i + 1) + ". " : "• ").append(items.get(i).strip());
        }
        return out.toString();
    }
}
