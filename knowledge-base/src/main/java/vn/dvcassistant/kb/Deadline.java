package vn.dvcassistant.kb;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline the entry itself states ("trong 60 ngày kể từ ngày sinh"), written by an editor as structured
 * data so a reminder is only ever offered for a deadline in the text, never computed from a guess.
 *
 * @param amount     how many days or months
 * @param months     true: {@code amount} months; false: days
 * @param countsFrom the event the deadline counts from, as a citizen is asked for it ("ngày sinh của bé")
 * @param quote      the entry's own words stating it; the loader checks they appear in the entry
 */
public record Deadline(int amount, boolean months, String countsFrom, String quote) {

    public Deadline {
        if (amount < 1) {
            throw new IllegalArgumentException("a deadline is at least one day or month");
        }
        Objects.requireNonNull(countsFrom, "countsFrom");
        Objects.requireNonNull(quote, "quote");
    }

    /** The last day, counting from {@code start} (the day of the event). */
    public LocalDate due(LocalDate start) {
        return months ? start.plusMonths(amount) : start.plusDays(amount);
    }

    /** "60 ngày", "3 tháng". */
    public String length() {
        return amount + (months ? " tháng" : " ngày");
    }
}
