package vn.dvcassistant.app.export;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics workbook read back as a spreadsheet would: a sheet per breakdown, Vietnamese names for
 * every code, rates as numbers with a percentage format, and the same figures as the statistics API
 * for the same period; assisted surveys a row of their own, out of the totals, and the totals add up.
 */
@MicronautTest(transactional = false)
class ExportFiguresTest {

    private static final String YEAR = "from=2141-01-01&to=2141-12-31";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;

    HttpClient client;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkbookHasASheetPerBreakdownWithTheApisFiguresInVietnamese() throws Exception {
        ratings("2141-03-10", "ho-tich", "SO-TP", "web", 95, 5);
        ratings("2141-05-02", "dat-dai", "SO-NNMT", "zalo", 40, 20);
        ratings("2141-05-03", "ho-tich", "SO-TP", "assisted", 8, 2);
        Map<String, Object> api = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/satisfaction?" + YEAR), Map.class);
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        byte[] body = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/xuat/thong-ke.xlsx?" + YEAR).cookie(admin),
                byte[].class);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body), new ReadingOptions(true, false))) {
            Map<String, List<Row>> sheets = workbook.getSheets().collect(Collectors.toMap(Sheet::getName, ExportFiguresTest::rows));
            assertThat(sheets).containsKeys("Thông tin chung", "Tổng hợp", "Theo lĩnh vực", "Theo cơ quan", "Theo kênh",
                    "Theo tháng", "Xử lý góp ý", "Xử lý câu hỏi chuyển cán bộ", "Danh sách góp ý và câu hỏi");
            assertThat(text(sheets.get("Thông tin chung"))).contains("01/01/2141 – 31/12/2141", "Toàn tỉnh",
                    "90% chung; 85% cho Đất đai, Xây dựng, Đầu tư (Quyết định 1588/QĐ-TTg ngày 17/12/2024)");

            Row overall = sheets.get("Tổng hợp").get(1);
            assertThat(overall.getCellText(0)).isEqualTo("Tổng (không gồm khảo sát có hỗ trợ)");
            assertThat(number(overall, 1)).isEqualTo(((Number) api.get("total")).longValue()).isEqualTo(160);
            assertThat(number(overall, 2)).isEqualTo(((Number) api.get("satisfied")).longValue()).isEqualTo(135);
            assertThat(overall.getCell(3).asNumber().doubleValue()).isEqualTo(((Number) api.get("rate")).doubleValue());
            assertThat(overall.getCell(3).getDataFormatString()).isEqualTo("0.0%");
            assertThat(overall.getCellText(7)).isEqualTo("Chưa đạt");
            Row assisted = sheets.get("Tổng hợp").get(2);
            assertThat(assisted.getCellText(0)).isEqualTo("Khảo sát có hỗ trợ (tính riêng, không gộp vào tổng)");
            assertThat(number(assisted, 1)).isEqualTo(((Number) ((Map<String, Object>) api.get("assisted")).get("total")).longValue())
                    .isEqualTo(10);

            List<Row> fields = sheets.get("Theo lĩnh vực");
            assertThat(fields).hasSize(1 + 13 + 1);
            Map<String, Object> apiHoTich = ((List<Map<String, Object>>) api.get("byField")).stream()
                    .filter(f -> "ho-tich".equals(f.get("key"))).findFirst().orElseThrow();
            Row hoTich = fields.stream().filter(r -> r.getCellText(0).equals("Hộ tịch")).findFirst().orElseThrow();
            assertThat(number(hoTich, 1)).isEqualTo(((Number) apiHoTich.get("total")).longValue()).isEqualTo(100);
            assertThat(hoTich.getCell(3).asNumber().doubleValue()).isEqualTo(((Number) apiHoTich.get("rate")).doubleValue());
            assertThat(hoTich.getCellText(7)).isEqualTo("Chưa đủ dữ liệu");
            Row land = fields.stream().filter(r -> r.getCellText(0).equals("Đất đai")).findFirst().orElseThrow();
            assertThat(land.getCell(6).asNumber().doubleValue()).as("land's own target").isEqualTo(0.85);
            assertThat(land.getCellText(7)).isEqualTo("Chưa đạt");

            List<Row> channels = sheets.get("Theo kênh");
            long channelSum = channels.stream().skip(1).filter(r -> List.of("Trang web", "Zalo").contains(r.getCellText(0)))
                    .mapToLong(r -> number(r, 1)).sum();
            Row channelTotal = channels.stream().filter(r -> r.getCellText(0).startsWith("Tổng")).findFirst().orElseThrow();
            assertThat(number(channelTotal, 1)).as("the channel rows add up to the total").isEqualTo(channelSum).isEqualTo(160);
            assertThat(channels.get(channels.size() - 1).getCellText(0)).startsWith("Khảo sát có hỗ trợ");
            assertThat(number(channels.get(channels.size() - 1), 1)).isEqualTo(10);

            assertThat(sheets.get("Theo tháng").stream().map(r -> r.getCellText(0))).contains("T3/2141", "T5/2141");
            assertThat(sheets.get("Theo cơ quan").get(1).getCellText(1)).as("ranked best first").isEqualTo("Sở Tư pháp");
        }
    }

    @Test
    void theCommentListHasOneRowPerCommentWithNamesInsteadOfCodes() throws Exception {
        String code = comments.submit(new CommentSubmission("Thủ tục khai sinh cần bổ sung hướng dẫn", null, "ho-tich",
                "web", false, null, null, null, null)).code();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        byte[] body = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/xuat/thong-ke.xlsx?from=" + today + "&to="
                + today).cookie(staff), byte[].class);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body), new ReadingOptions(true, false))) {
            List<Row> list = rows(workbook.getSheets().filter(s -> s.getName().equals("Danh sách góp ý và câu hỏi")).findFirst().orElseThrow());
            assertThat(list.get(0).getCellText(0)).isEqualTo("Mã");
            Row row = list.stream().filter(r -> r.getCellText(0).equals(code)).findFirst().orElseThrow();
            assertThat(List.of(row.getCellText(1), row.getCellText(2), row.getCellText(3), row.getCellText(4)))
                    .containsExactly("Góp ý", "Hộ tịch", "Sở Tư pháp", "Đã tiếp nhận");
            assertThat(row.getCell(5).getDataFormatString()).isEqualTo("dd/mm/yyyy hh:mm");
            assertThat(list.stream().skip(1).map(r -> r.getCellText(3))).as("agency staff see their agency only")
                    .containsOnly("Sở Tư pháp");
        }
    }

    private static List<Row> rows(Sheet sheet) {
        try {
            return sheet.read();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long number(Row row, int column) {
        BigDecimal value = row.getCell(column).asNumber();
        return value.longValueExact();
    }

    private static String text(List<Row> rows) {
        return rows.stream().map(r -> r.getCellText(0) + " " + r.getCellText(1)).collect(Collectors.joining("\n"));
    }

    private void ratings(String day, String field, String agency, String channel, int satisfied, int unsatisfied) {
        new RawSql(dataSource).update("""
                INSERT INTO satisfaction_rating (topic_id, field, agency, channel, level, satisfied, rated_on, rated_at)
                SELECT 'dang-ky-khai-sinh', ?, ?, ?, CASE WHEN g <= ? THEN 'hai_long' ELSE 'khong_hai_long' END,
                       g <= ?, ?::date, ?::date FROM generate_series(1, ?) g
                """, field, agency, channel, satisfied, satisfied, day, day, satisfied + unsatisfied);
    }
}
