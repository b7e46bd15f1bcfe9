package vn.dvcassistant.kb.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;

/**
 * Turns a catalogue table (a header row and data rows of cell texts, from CSV or XLSX) into rows: the
 * rules every import follows. A row with a problem is rejected with its number and the reason; a table
 * with wrong headers or too many rows is refused whole.
 */
public final class CatalogueTable {

    public static final int MAX_ROWS = 10_000;
    private static final Pattern CODE = Pattern.compile("[0-9]+(\\.[0-9]+)+");
    private static final int MAX_CELL = 4_000;

    /**
     * @param rows          accepted rows, in file order
     * @param rejected      rows not imported, with the reason
     * @param unknownFields field names not in {@link CatalogueFields}, whose rows went to {@code dvc-chung}
     */
    public record Parsed(List<CatalogueRow> rows, List<RejectedRow> rejected, Set<String> unknownFields) {
    }

    private CatalogueTable() {
    }

    /** @throws CatalogueRefused when the header is wrong or there are more than {@link #MAX_ROWS} rows */
    public static Parsed parse(List<String> header, List<List<String>> data) {
        Map<String, Integer> column = columns(header);
        if (data.size() > MAX_ROWS) {
            throw new CatalogueRefused("Tệp có " + data.size() + " dòng, nhiều hơn giới hạn " + MAX_ROWS + " dòng.");
        }
        List<CatalogueRow> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            int number = i + 2;
            List<String> cells = data.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            String code = cell(cells, column, CatalogueColumns.CODE);
            String name = cell(cells, column, CatalogueColumns.NAME);
            String fieldName = cell(cells, column, CatalogueColumns.FIELD);
            String online = cell(cells, column, CatalogueColumns.ONLINE).toLowerCase(Locale.ROOT);
            String url = cell(cells, column, CatalogueColumns.URL);
            List<String> problems = new ArrayList<>();
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                problems.add("mã thủ tục \"" + code + "\" không đúng dạng số và dấu chấm, ví dụ 1.012786");
            }
            if (name.isEmpty()) {
                problems.add("thiếu tên thủ tục");
            }
            // A row without a code (not yet looked up) is kept by its name, so re-importing still updates it.
            String key = CatalogueTopics.keyOf(code, name);
            if (problems.isEmpty() && seen.containsKey(key)) {
                problems.add((code.isEmpty() ? "thủ tục \"" + name + "\"" : "mã thủ tục " + code)
                        + " trùng với dòng " + seen.get(key));
            }
            if (!online.isEmpty() && OnlineLevel.fromLabel(online).isEmpty()) {
                problems.add("mức độ trực tuyến \"" + online + "\" không hợp lệ; dùng: toàn trình, một phần hoặc không");
            }
            if (!url.isEmpty() && !isWebAddress(url)) {
                problems.add("đường dẫn \"" + url + "\" phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://");
            }
            for (String c : cells) {
                if (c != null && c.length() > MAX_CELL) {
                    problems.add("một ô dài quá " + MAX_CELL + " ký tự");
                    break;
                }
            }
            if (!problems.isEmpty()) {
                rejected.add(new RejectedRow(number, "Dòng " + number + ": " + String.join("; ", problems) + "."));
                continue;
            }
            seen.put(key, number);
            Optional<Field> field = CatalogueFields.of(fieldName);
            if (field.isEmpty()) {
                unknown.add(fieldName.isEmpty() ? "(để trống)" : fieldName);
            }
            rows.add(new CatalogueRow(code, name, fieldName, field.orElse(Field.DVC_CHUNG),
                    cell(cells, column, CatalogueColumns.LEVEL), cell(cells, column, CatalogueColumns.AUTHORITY),
                    cell(cells, column, CatalogueColumns.TIME), cell(cells, column, CatalogueColumns.FEE), online,
                    cell(cells, column, CatalogueColumns.LEGAL_BASIS), url));
        }
        return new Parsed(rows, rejected, unknown);
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            if (!name.isEmpty() && column.putIfAbsent(name, i) != null) {
                throw new CatalogueRefused("Cột \"" + name + "\" xuất hiện hai lần ở dòng tiêu đề.");
            }
        }
        List<String> missing = CatalogueColumns.REQUIRED.stream().filter(h -> !column.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new CatalogueRefused("Dòng tiêu đề thiếu cột: " + String.join(", ", missing)
                    + ". Hãy dùng tệp mẫu.");
        }
        return column;
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i).strip();
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
