package vn.dvcassistant.app.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTableWriterTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void startsWithUtf8ByteOrderMarkSoExcelShowsVietnamese() throws IOException {
        byte[] bytes = write(w -> {
            w.table("Đánh giá", List.of("Lĩnh vực", "Số lượng"));
            w.row(List.of("Đất đai", 12));
        });
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("Lĩnh vực,Số lượng\r\nĐất đai,12\r\n");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() throws IOException {
        String text = text(w -> {
            w.table("t", List.of("a"));
            w.row(List.of("có dấu phẩy, ở đây"));
            w.row(List.of("nói \"rõ\""));
            w.row(List.of("dòng 1\ndòng 2"));
        });
        assertThat(text.split("\r\n")).containsExactly("a", "\"có dấu phẩy, ở đây\"", "\"nói \"\"rõ\"\"\"",
                "\"dòng 1\ndòng 2\"");
    }

    @Test
    void citizenTextThatLooksLikeAFormulaIsNotRunByExcel() throws IOException {
        String text = text(w -> {
            w.table("t", List.of("a", "b"));
            w.row(List.of("=HYPERLINK(\"http://x\")", -3));
        });
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\")\",-3");
    }

    @Test
    void writesDatesTimesInTheExportZoneAndEmptyCellsForNull() throws IOException {
        String text = text(w -> {
            w.table("t", List.of("ngày", "lúc", "ghi chú"));
            w.row(Arrays.asList(LocalDate.of(2025, 12, 5), Instant.parse("2025-12-05T17:30:00Z"), null));
        });
        assertThat(text).endsWith("05/12/2025,06/12/2025 00:30,\r\n");
    }

    @Test
    void laterTablesFollowABlankLineAndTheirTitle() throws IOException {
        String text = text(w -> {
            w.table("Tổng", List.of("a"));
            w.row(List.of(1));
            w.table("Theo lĩnh vực", List.of("b"));
            w.row(List.of(2));
        });
        assertThat(text).isEqualTo("a\r\n1\r\n\r\nTheo lĩnh vực\r\nb\r\n2\r\n");
    }

    interface Body {
        void write(TableWriter writer) throws IOException;
    }

    private static String text(Body body) throws IOException {
        byte[] bytes = write(body);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    private static byte[] write(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = new CsvTableWriter(out, HANOI)) {
            body.write(writer);
        }
        return out.toByteArray();
    }
}
