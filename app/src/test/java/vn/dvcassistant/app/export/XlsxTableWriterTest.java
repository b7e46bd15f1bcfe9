package vn.dvcassistant.app.export;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxTableWriterTest {

    @Test
    void writesOneSheetPerTableWithHeadersVietnameseTextAndRealNumbers() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = new XlsxTableWriter(out, ZoneId.of("Asia/Ho_Chi_Minh"))) {
            writer.table("Hài lòng theo lĩnh vực", List.of("Lĩnh vực", "Tỷ lệ", "Ngày"));
            writer.row(List.of("Đất đai", 0.875, LocalDate.of(2025, 12, 1)));
            writer.row(List.of("Xây dựng", 0.9, LocalDate.of(2025, 12, 2)));
            writer.table("Very long sheet title that Excel would refuse: yes", List.of("x"));
            for (int i = 0; i < 2500; i++) {
                writer.row(List.of(i));
            }
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().collect(Collectors.toList());
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("Hài lòng theo lĩnh vực", "Very long sheet title that Exce");
            List<Row> rows = sheets.get(0).read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Lĩnh vực");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("Đất đai");
            assertThat(rows.get(1).getCellAsNumber(1)).contains(new BigDecimal("0.875"));
            assertThat(rows.get(2).getCellAsDate(2).orElseThrow().toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 2));
            assertThat(sheets.get(1).read()).hasSize(2501);
        }
    }
}
