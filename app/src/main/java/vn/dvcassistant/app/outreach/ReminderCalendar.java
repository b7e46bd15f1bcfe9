package vn.dvcassistant.app.outreach;

import vn.dvcassistant.kb.Deadline;
import vn.dvcassistant.kb.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A reminder for the web chat as a calendar file (RFC 5545): an all-day event on the deadline with an
 * alarm some days before. The web page cannot message a citizen later, so it hands the reminder to the
 * phone's own calendar; nothing is stored on the server.
 */
final class ReminderCalendar {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ReminderCalendar() {
    }

    static String of(Topic topic, LocalDate start, LocalDate due, int leadDays, Instant now) {
        Deadline deadline = topic.deadline();
        String description = "Hạn cuối " + ZaloNotices.day(due) + ": " + deadline.length() + " kể từ "
                + deadline.countsFrom() + " (" + ZaloNotices.day(start) + "). Theo hướng dẫn: «" + deadline.quote() + "».";
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//DVC Assistant//Nhac han//VI");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + topic.id() + "-" + DAY.format(start) + "@dvc-assistant");
        line(out, "DTSTAMP:" + STAMP.format(now));
        line(out, "DTSTART;VALUE=DATE:" + DAY.format(due));
        line(out, "DTEND;VALUE=DATE:" + DAY.format(due.plusDays(1)));
        line(out, "SUMMARY:" + escape("Hạn cuối: " + topic.title()));
        line(out, "DESCRIPTION:" + escape(description));
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, "TRIGGER:-P" + leadDays + "D");
        line(out, "DESCRIPTION:" + escape("Nhắc hạn: " + topic.title()));
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n");
    }

    /** A content line folded at 75 octets, never inside a character (Vietnamese letters take 2-3 octets). */
    private static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
