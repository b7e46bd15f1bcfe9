package vn.dvcassistant.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte order mark, which is what makes Excel read Vietnamese letters
 * correctly. Several tables follow each other, each after a blank line and a title line.
 * Text that Excel would run as a formula (starting with = + - @) is prefixed with an apostrophe:
 * comments are written by the public.
 */
public final class CsvTableWriter implements TableWriter {

    static final char BOM = '\uFEFF';
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Writer out;
    private final ZoneId zone;
    private boolean firstTable = true;

    public CsvTableWriter(OutputStream out, ZoneId zone) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.zone = zone;
        this.out.write(BOM);
    }

    @Override
    public void table(String title, List<String> headers) throws IOException {
        if (!firstTable) {
            out.write("\r\n");
            writeLine(List.of(title));
        }
        firstTable = false;
        writeLine(headers);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        writeLine(cells);
    }

    private void writeLine(List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    private String field(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Percent percent) {
            return percent.share() == null ? ""
                    : java.math.BigDecimal.valueOf(percent.share() * 100).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        if (cell instanceof Number || cell instanceof Boolean) {
            return cell.toString();
        }
        if (cell instanceof LocalDate date) {
            return DAY.format(date);
        }
        if (cell instanceof Instant instant) {
            return TIMESTAMP.format(instant.atZone(zone));
        }
        return quote(defuse(cell.toString()));
    }

    private static String defuse(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quote(String text) {
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
