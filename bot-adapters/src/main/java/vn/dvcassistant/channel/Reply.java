package vn.dvcassistant.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An answer to send, independent of the channel: content parts, then rows of buttons.
 *
 * <p>At most {@value #MAX_BUTTONS} buttons in all: Zalo OA shows no more under one message, and the same
 * answer must work on every channel.
 */
public record Reply(List<ReplyPart> parts, List<List<Button>> buttonRows) {

    public static final int MAX_BUTTONS = 5;

    public Reply {
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(buttonRows, "buttonRows");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one part");
        }
        parts = List.copyOf(parts);
        List<List<Button>> rows = new ArrayList<>();
        for (List<Button> row : buttonRows) {
            if (row.isEmpty()) {
                throw new IllegalArgumentException("a button row must not be empty");
            }
            rows.add(List.copyOf(row));
        }
        buttonRows = List.copyOf(rows);
        int count = rows.stream().mapToInt(List::size).sum();
        if (count > MAX_BUTTONS) {
            throw new IllegalArgumentException("a reply has at most " + MAX_BUTTONS + " buttons, got " + count);
        }
    }

    public static Reply of(ReplyPart... parts) {
        return new Reply(List.of(parts), List.of());
    }

    public static Reply text(String paragraph) {
        return of(new ReplyPart.Paragraph(paragraph));
    }

    /** The same content with one more row of buttons. */
    public Reply withButtonRow(Button... row) {
        List<List<Button>> rows = new ArrayList<>(buttonRows);
        rows.add(List.of(row));
        return new Reply(parts, rows);
    }

    /** All buttons, row after row. */
    public List<Button> buttons() {
        return buttonRows.stream().flatMap(List::stream).toList();
    }

    public boolean hasButtons() {
        return !buttonRows.isEmpty();
    }
}
