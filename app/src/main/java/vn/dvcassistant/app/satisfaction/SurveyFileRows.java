package vn.dvcassistant.app.satisfaction;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rows of an uploaded table, CSV (UTF-8, comma or semicolon, quotes as RFC 4180) or XLSX (first sheet),
 * each with its row number as a spreadsheet shows it (the header is row 1). Empty rows are left out.
 * Also read by the agency directory's upload.
 */
public final class SurveyFileRows {

    public record Line(int number, List<String> cells) {
    }

    private SurveyFileRows() {
    }

    /** Empty when the file is neither readable XLSX nor text. */
    public static Optional<List<Line>> read(String fileName, byte[] bytes) {
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K';
        if (zip || (fileName != null && fileName.toLowerCase().endsWith(".xlsx"))) {
            return xlsx(bytes);
        }
        return Optional.of(csv(new String(bytes, StandardCharsets.UTF_8)));
    }

    private static Optional<List<Line>> xlsx(byte[] bytes) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Optional<Sheet> sheet = workbook.getFirstSheet() == null ? Optional.empty() : Optional.of(workbook.getFirstSheet());
            if (sheet.isEmpty()) {
                return Optional.empty();
            }
            List<Line> lines = new ArrayList<>();
            try (Stream<Row> rows = sheet.get().openStream()) {
                rows.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    if (cells.stream().anyMatch(c -> !c.isBlank())) {
                        lines.add(new Line(row.getRowNum(), cells));
                    }
                });
            }
            return Optional.of(lines);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> {
                // A date typed in Excel is a serial number with a date format.
                String format = cell.getDataFormatString();
                if (format != null && (format.contains("d") || format.contains("y"))) {
                    LocalDateTime date = cell.asDate();
                    yield date.toLocalDate().toString();
                }
                yield cell.getRawValue();
            }
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }

    static List<Line> csv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstBreak = text.indexOf('\n');
        String header = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char separator = header.chars().filter(c -> c == ';').count() > header.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int row = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        row++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(lines, rowStart, cells);
                cells = new ArrayList<>();
                row++;
                rowStart = row;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        add(lines, rowStart, cells);
        return lines;
    }

    private static void add(List<Line> lines, int number, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            lines.add(new Line(number, List.copyOf(cells)));
        }
    }

}
