package vn.dvcassistant.kb.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV text (RFC 4180: commas, double quotes around cells holding commas, quotes or line breaks;
 * a UTF-8 byte-order mark at the start is ignored) into rows of cells.
 */
public final class CatalogueCsv {

    private CatalogueCsv() {
    }

    /** @throws CatalogueRefused when a quoted cell is never closed */
    public static List<List<String>> read(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                }
                case '\n' -> {
                    row.add(cell.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                }
                default -> {
                    cell.append(c);
                    any = true;
                }
            }
        }
        if (quoted) {
            throw new CatalogueRefused("Tệp CSV có một ô mở dấu ngoặc kép mà không đóng.");
        }
        if (any || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line for the cells, quoting where needed (the template and exports). */
    public static String line(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        for (String c : cells) {
            String v = c == null ? "" : c;
            out.add(v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        return String.join(",", out);
    }
}
