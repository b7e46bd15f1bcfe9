package vn.dvcassistant.app.agencies;

import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.Folding;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.SurveyFileRows;
import vn.dvcassistant.kb.Field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An uploaded agency directory file (CSV in UTF-8 with or without BOM, comma or semicolon, or XLSX's first sheet)
 * read into rows: columns {@link #COLUMNS}, header in row 1, in any order. Mã and Tên are required; Cấp trên is a
 * code; Loại a kind's code or name; Lĩnh vực field codes or names separated by ";" (or ","), empty for every field.
 */
@Singleton
public final class AgencyFile {

    public static final List<String> COLUMNS = List.of("Mã", "Tên", "Cấp trên", "Loại", "Lĩnh vực");
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** What a file holds: its rows, and the problems found while reading them (unknown kind or field). */
    public record Read(List<AgencyChanges.Row> rows, List<AgencyChanges.Problem> problems) {
    }

    private final Messages messages;

    AgencyFile(Messages messages) {
        this.messages = messages;
    }

    public Read read(@Nullable String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw Refusal.invalid("agency_file_too_large");
        }
        List<SurveyFileRows.Line> lines = SurveyFileRows.read(fileName, bytes)
                .orElseThrow(() -> Refusal.invalid("agency_file_unreadable"));
        if (lines.isEmpty()) {
            throw Refusal.invalid("agency_file_empty");
        }
        if (lines.size() > MAX_ROWS + 1) {
            throw Refusal.invalid("agency_file_too_many_rows");
        }
        Map<String, Integer> header = new HashMap<>();
        List<String> titles = lines.get(0).cells();
        for (int i = 0; i < titles.size(); i++) {
            header.putIfAbsent(Folding.fold(titles.get(i)), i);
        }
        if (!header.containsKey("ma") || !header.containsKey("ten")) {
            throw Refusal.invalid("agency_file_missing_columns");
        }
        if (lines.size() == 1) {
            throw Refusal.invalid("agency_file_empty");
        }
        List<AgencyChanges.Row> rows = new ArrayList<>();
        List<AgencyChanges.Problem> problems = new ArrayList<>();
        for (SurveyFileRows.Line line : lines.subList(1, lines.size())) {
            List<String> cells = line.cells();
            String kindText = cell(cells, header.get("loai"));
            AgencyKind kind = null;
            if (!kindText.isEmpty()) {
                kind = AgencyKind.fromText(kindText).orElse(null);
                if (kind == null) {
                    problems.add(new AgencyChanges.Problem(line.number(), messages.get("agency.row.unknownKind", shorten(kindText))));
                }
            }
            Set<Field> fields = new LinkedHashSet<>();
            for (String unknown : fields(cell(cells, header.get("linh vuc")), fields)) {
                problems.add(new AgencyChanges.Problem(line.number(), messages.get("agency.row.unknownField", shorten(unknown))));
            }
            String parent = cell(cells, header.get("cap tren"));
            rows.add(new AgencyChanges.Row(line.number(), new AgencyDraft(
                    AgencyChanges.normaliseCode(cell(cells, header.get("ma"))), cell(cells, header.get("ten")),
                    parent.isEmpty() ? null : AgencyChanges.normaliseCode(parent), kind, fields)));
        }
        return new Read(rows, problems);
    }

    /** Adds the fields {@code text} names to {@code into}; returns the pieces that name no field. */
    public static List<String> fields(String text, Set<Field> into) {
        List<String> unknown = new ArrayList<>();
        for (String piece : text.split(";")) {
            if (piece.isBlank()) {
                continue;
            }
            Optional<Field> whole = field(piece);
            if (whole.isPresent()) {
                into.add(whole.get());
                continue;
            }
            // "ho-tich, tu-phap": codes with commas (a field's name may itself hold a comma, so only as a fallback).
            for (String part : piece.split(",")) {
                if (!part.isBlank()) {
                    field(part).ifPresentOrElse(into::add, () -> unknown.add(part.strip()));
                }
            }
        }
        return unknown;
    }

    private static Optional<Field> field(String text) {
        String folded = Folding.fold(text);
        return Arrays.stream(Field.values())
                .filter(f -> f.code().equals(folded) || Folding.fold(f.label()).equals(folded)).findFirst();
    }

    private static String cell(List<String> cells, @Nullable Integer index) {
        return index == null || index >= cells.size() || cells.get(index) == null ? "" : cells.get(index).strip();
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
