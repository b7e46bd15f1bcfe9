package vn.dvcassistant.app.export;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * XLSX through fastexcel, which writes sheet rows to the stream as it goes (flushing every
 * {@value #FLUSH_EVERY} rows) instead of building the workbook in memory. One sheet per table.
 */
public final class XlsxTableWriter implements TableWriter {

    private static final int FLUSH_EVERY = 1000;
    private static final int MAX_SHEET_NAME = 31;

    private final Workbook workbook;
    private final ZoneId zone;
    private Worksheet sheet;
    private int row;

    public XlsxTableWriter(OutputStream out, ZoneId zone) {
        this.workbook = new Workbook(out, "DVC Assistant", "1.0");
        this.zone = zone;
    }

    @Override
    public void table(String title, List<String> headers) throws IOException {
        finishSheet();
        sheet = workbook.newWorksheet(sheetName(title));
        row = 0;
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(row, c, headers.get(c));
            sheet.style(row, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row++;
    }

    @Override
    public void row(List<?> cells) throws IOException {
        if (sheet == null) {
            throw new IllegalStateException("table() must come before row()");
        }
        for (int c = 0; c < cells.size(); c++) {
            write(c, cells.get(c));
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void write(int column, Object cell) {
        if (cell == null) {
            return;
        }
        if (cell instanceof Percent percent) {
            if (percent.share() != null) {
                sheet.value(row, column, percent.share());
                sheet.style(row, column).format("0.0%").set();
            }
        } else if (cell instanceof Number number) {
            sheet.value(row, column, number);
        } else if (cell instanceof Boolean bool) {
            sheet.value(row, column, bool);
        } else if (cell instanceof LocalDate date) {
            sheet.value(row, column, date);
            sheet.style(row, column).format("dd/mm/yyyy").set();
        } else if (cell instanceof Instant instant) {
            sheet.value(row, column, instant.atZone(zone).toLocalDateTime());
            sheet.style(row, column).format("dd/mm/yyyy hh:mm").set();
        } else {
            sheet.value(row, column, cell.toString());
        }
    }

    private void finishSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
    }

    /** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
    private static String sheetName(String title) {
        String clean = title.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return clean.length() > MAX_SHEET_NAME ? clean.substring(0, MAX_SHEET_NAME) : clean;
    }

    @Override
    public void close() throws IOException {
        finishSheet();
        workbook.finish();
    }
}
