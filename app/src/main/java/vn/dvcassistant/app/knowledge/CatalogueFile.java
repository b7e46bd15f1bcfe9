package vn.dvcassistant.app.knowledge;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import vn.dvcassistant.kb.catalogue.CatalogueCsv;
import vn.dvcassistant.kb.catalogue.CatalogueRefused;
import vn.dvcassistant.kb.catalogue.CatalogueTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An uploaded catalogue file as a table of cell texts: XLSX (first sheet) or CSV (UTF-8, byte-order mark
 * optional). Refused whole when it is neither, over 20 MB, holds formulas or macros.
 */
final class CatalogueFile {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private CatalogueFile() {
    }

    /** The rows, the header first. */
    static List<List<String>> read(String fileName, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new CatalogueRefused("Tệp lớn hơn 20 MB.");
        }
        if (bytes.length == 0) {
            throw new CatalogueRefused("Tệp trống.");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsm") || name.endsWith(".xls")) {
            throw new CatalogueRefused("Chỉ nhận tệp .xlsx hoặc .csv; tệp .xls và tệp có macro (.xlsm) không được nhận.");
        }
        if (startsWith(bytes, ZIP)) {
            return xlsx(bytes);
        }
        if (!name.isEmpty() && !name.endsWith(".csv") && !name.endsWith(".txt")) {
            throw new CatalogueRefused("Chỉ nhận tệp Excel .xlsx hoặc tệp .csv.");
        }
        List<List<String>> rows = CatalogueCsv.read(utf8(bytes));
        for (List<String> row : rows) {
            for (String cell : row) {
                if (cell.startsWith("=")) {
                    throw new CatalogueRefused("Tệp có công thức (ô bắt đầu bằng dấu =); hãy lưu giá trị thay cho công thức.");
                }
            }
        }
        return rows;
    }

    private static List<List<String>> xlsx(byte[] bytes) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            boolean workbook = false;
            while ((entry = zip.getNextEntry()) != null) {
                String n = entry.getName().toLowerCase(Locale.ROOT);
                if (n.contains("vbaproject") || n.endsWith(".bin") && n.contains("macro")) {
                    throw new CatalogueRefused("Tệp có macro; chỉ nhận bảng tính không có macro.");
                }
                workbook |= n.equals("xl/workbook.xml");
            }
            if (!workbook) {
                throw new CatalogueRefused("Tệp không phải bảng tính Excel .xlsx.");
            }
        } catch (IOException e) {
            throw new CatalogueRefused("Không đọc được tệp Excel.");
        }
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getFirstSheet();
            List<List<String>> rows = new ArrayList<>();
            try (Stream<Row> stream = sheet.openStream()) {
                for (Row row : (Iterable<Row>) stream::iterator) {
                    if (rows.size() > CatalogueTable.MAX_ROWS + 1) {
                        break; // the table refuses it by its size; no need to read the rest
                    }
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        Cell cell = row.getCell(i);
                        if (cell != null && (cell.getType() == CellType.FORMULA || cell.getFormula() != null)) {
                            throw new CatalogueRefused("Tệp có công thức (ô " + cell.getAddress()
                                    + "); hãy lưu giá trị thay cho công thức.");
                        }
                        cells.add(cell == null ? "" : cell.getText());
                    }
                    while (rows.size() + 1 < row.getRowNum()) {
                        rows.add(List.of()); // keep row numbers as the spreadsheet shows them
                    }
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CatalogueRefused refused) {
                throw refused;
            }
            throw new CatalogueRefused("Không đọc được tệp Excel.");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueRefused("Tệp CSV phải được lưu với bảng mã UTF-8.");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
