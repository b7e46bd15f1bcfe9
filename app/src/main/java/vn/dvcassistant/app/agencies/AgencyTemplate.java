package vn.dvcassistant.app.agencies;

import vn.dvcassistant.app.export.XlsxTableWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * The file admins fill in to load the directory: the columns of {@link AgencyFile} and example rows showing a
 * province agency, the service centre, and one commune's People's Committee and police under their parents.
 */
public final class AgencyTemplate {

    static final List<List<String>> EXAMPLES = List.of(
            List.of("CONG-AN", "Công an tỉnh", "", "tinh", "cu-tru; giao-thong"),
            List.of("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", "", "trung-tam", ""),
            List.of("UBND-PHU-LY", "UBND phường Phủ Lý", "", "ubnd-xa", ""),
            List.of("CA-PHU-LY", "Công an phường Phủ Lý", "CONG-AN", "cong-an-xa", "cu-tru"));

    private AgencyTemplate() {
    }

    /** UTF-8 with a BOM, so that Excel opens the Vietnamese letters right. */
    public static byte[] csv() {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", AgencyFile.COLUMNS)).append("\r\n");
        for (List<String> row : EXAMPLES) {
            csv.append(String.join(",", row.stream().map(AgencyTemplate::quoted).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxTableWriter writer = new XlsxTableWriter(out, ZoneId.of("Asia/Ho_Chi_Minh"))) {
            writer.table("Co quan", AgencyFile.COLUMNS);
            for (List<String> row : EXAMPLES) {
                writer.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains(";") || cell.contains("\"")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
