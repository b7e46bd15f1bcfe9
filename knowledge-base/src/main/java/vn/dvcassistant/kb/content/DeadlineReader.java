package vn.dvcassistant.kb.content;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.dvcassistant.kb.Deadline;

/**
 * The optional {@code deadline} key: a deadline the entry states, for the "Nhắc tôi" reminder.
 * <pre>
 * deadline:
 *   days: 60                    # or months: 3 (exactly one of them)
 *   from: ngày sinh của bé      # the event it counts from, as the citizen will be asked for its date
 *   quote: trong 60 ngày kể từ ngày sinh   # the entry's own words; must appear in short, summary, fee,
 *                                          # processing_time, steps or documents, with the same number
 * </pre>
 * The quote ties the structured value to the text a citizen reads, so a reminder is never offered for a
 * deadline the entry does not state.
 */
final class DeadlineReader {

    static final Set<String> KEYS = Set.of("days", "months", "from", "quote");
    /** Ten years: longer is a typo, not a deadline a reminder should wait for. */
    static final int MAX_DAYS = 3650;
    static final int MAX_MONTHS = 120;

    private DeadlineReader() {
    }

    /** @return the deadline, or null when absent or wrong (then each problem is reported) */
    static Deadline read(FieldReader in, Object value, String entryText) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            in.problem("deadline", "must be a mapping: days or months, from, quote");
            return null;
        }
        boolean ok = true;
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                in.problem("deadline", "unknown key \"" + key + "\"; use days or months, from, quote");
                ok = false;
            }
        }
        Object days = map.get("days");
        Object months = map.get("months");
        if ((days == null) == (months == null)) {
            in.problem("deadline", "give exactly one of days or months");
            return null;
        }
        Object amountValue = days != null ? days : months;
        int max = days != null ? MAX_DAYS : MAX_MONTHS;
        int amount = number(amountValue);
        if (amount < 1 || amount > max) {
            in.problem("deadline", (days != null ? "days" : "months") + " must be a whole number from 1 to " + max);
            return null;
        }
        String from = text(map.get("from"));
        if (from == null) {
            in.problem("deadline", "from: the event the deadline counts from (e.g. ngày sinh của bé) is missing");
            ok = false;
        }
        String quote = text(map.get("quote"));
        if (quote == null) {
            in.problem("deadline", "quote: the entry's words stating the deadline are missing");
            return null;
        }
        if (!normalised(entryText).contains(normalised(quote))) {
            in.problem("deadline", "quote \"" + quote + "\" is not in the entry's short answer, summary, fee, "
                    + "processing time, steps or documents; a reminder only follows a deadline the entry states");
            ok = false;
        }
        if (!Pattern.compile("(^|\\D)" + amount + "(\\D|$)").matcher(quote).find()) {
            in.problem("deadline", "quote \"" + quote + "\" does not contain the number " + amount);
            ok = false;
        }
        return ok ? new Deadline(amount, months != null, from, quote) : null;
    }

    /** The safe YAML reader keeps scalars as text; a whole number, or -1. */
    private static int number(Object value) {
        String text = String.valueOf(value).strip();
        return text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : -1;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** Case and spacing do not matter when finding the quote; diacritics do (the words must be the entry's). */
    private static String normalised(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }
}
