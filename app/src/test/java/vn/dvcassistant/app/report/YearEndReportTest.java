package vn.dvcassistant.app.report;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.app.web.VietnameseFormat;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The year-end report opened as Word would open it, its numbers checked against the statistics API's. */
@MicronautTest(transactional = false)
class YearEndReportTest {

    private static final String YEAR = "from=2151-01-01&to=2151-12-31";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    DataSource dataSource;
    @Inject
    VietnameseFormat format;

    HttpClient client;

    @BeforeEach
    void open() {
        // A whole report on a busy two-core test machine can outlast the client's default 10 s.
        io.micronaut.http.client.DefaultHttpClientConfiguration configuration =
                new io.micronaut.http.client.DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setReadTimeout(java.time.Duration.ofSeconds(60));
        client = HttpClient.create(server.getURL(), configuration);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocxHasTheApisFiguresPerFieldChannelAndAgencyInVietnamese() throws Exception {
        ratings("2151-02-10", "ho-tich", "SO-TP", "web", 980, 20);
        ratings("2151-06-02", "dat-dai", "SO-NNMT", "zalo", 40, 20);
        ratings("2151-06-03", "ho-tich", "SO-TP", "assisted", 9, 1);
        ratings("2150-06-03", "ho-tich", "SO-TP", "web", 50, 50);
        Map<String, Object> api = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/stats/satisfaction?" + YEAR), Map.class);
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);

        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/quan-tri/bao-cao?" + YEAR
                + "&format=docx").cookie(admin), byte[].class);
        assertThat(response.header("Content-Disposition")).contains("bao-cao-2151-01-01_2151-12-31.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.body()))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains("Kỳ báo cáo: từ 01/01/2151 đến 31/12/2151.", "Phạm vi: Toàn tỉnh.",
                    "1. Mức độ hài lòng chung và theo lĩnh vực", "5. Tiếp nhận và trả lời góp ý, câu hỏi chuyển cán bộ",
                    "8. Mục tiêu và căn cứ");

            XWPFTable fields = table(doc, "Lĩnh vực");
            assertThat(fields.getRows()).hasSize(1 + 1 + 13);
            assertRow(row(fields, "Chung"), ((Number) api.get("total")).longValue(), ((Number) api.get("satisfied")).longValue(),
                    ((Number) api.get("rate")).doubleValue(), (List<Double>) api.get("ci95"), (String) api.get("status"));
            for (Map<String, Object> f : (List<Map<String, Object>>) api.get("byField")) {
                assertRow(row(fields, (String) f.get("label")), ((Number) f.get("total")).longValue(),
                        ((Number) f.get("satisfied")).longValue(), ((Number) f.get("rate")).doubleValue(),
                        (List<Double>) f.get("ci95"), (String) f.get("status"));
            }
            assertThat(cells(row(fields, "Đất đai"))).contains("85%", "Chưa đạt");
            assertThat(cells(row(fields, "Thuế"))).contains("0", "–", "Chưa đủ dữ liệu");

            XWPFTable channels = table(doc, "Kênh");
            for (Map<String, Object> c : (List<Map<String, Object>>) api.get("byChannel")) {
                assertThat(cells(row(channels, (String) c.get("label")))).element(1)
                        .isEqualTo(format.count(((Number) c.get("total")).longValue()));
            }
            assertThat(cells(row(channels, "Có hỗ trợ"))).element(1).isEqualTo("10");

            XWPFTable agencies = table(doc, "Hạng");
            assertThat(cells(agencies.getRow(1))).startsWith("1", "Sở Tư pháp", "1.000");

            XWPFTable comparison = table(doc, "Kỳ");
            assertThat(cells(comparison.getRow(3))).startsWith("Cùng kỳ năm trước (01/01/2150 – 31/12/2150)", "100");
            assertThat(table(doc, "Áp dụng từ").getText()).contains("Quyết định 1588/QĐ-TTg ngày 17/12/2024");
        }

        String html = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/bao-cao?" + YEAR + "&format=html")
                .cookie(admin), String.class);
        assertThat(html).contains("@page { size: A4", "1. Mức độ hài lòng chung và theo lĩnh vực",
                format.percent(((Number) api.get("rate")).doubleValue()), "Chưa đủ dữ liệu");
    }

    @Test
    void agencyStaffGetTheirAgencysReportAndBadInputIsRefused() throws Exception {
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-NNMT");
        byte[] body = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/bao-cao?" + YEAR
                + "&agency=SO-TP&format=docx").cookie(staff), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(body))) {
            assertThat(doc.getParagraphs().stream().map(p -> p.getText()))
                    .contains("Phạm vi: Sở Nông nghiệp và Môi trường.");
        }
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/bao-cao?from=2151-12-31&to=2151-01-01")
                .cookie(staff)).getStatus().getCode()).isEqualTo(400);
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/bao-cao?format=pdf").cookie(staff))
                .getStatus().getCode()).isEqualTo(400);
        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/bao-cao").cookie(volunteer))
                .getStatus().getCode()).isEqualTo(403);
    }

    private void assertRow(XWPFTableRow row, long total, long satisfied, double rate, List<Double> ci, String status) {
        assertThat(cells(row)).containsExactly(cells(row).get(0), format.count(total), format.count(satisfied),
                format.percent(rate), format.interval(ci), cells(row).get(5),
                Map.of("met", "Đạt", "not_met", "Chưa đạt", "undecided", "Chưa đủ dữ liệu").get(status));
    }

    private static XWPFTable table(XWPFDocument doc, String firstHeader) {
        return doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals(firstHeader))
                .findFirst().orElseThrow(() -> new AssertionError("no table headed " + firstHeader));
    }

    private static XWPFTableRow row(XWPFTable table, String label) {
        return table.getRows().stream().filter(r -> r.getCell(0).getText().equals(label)
                        || (r.getTableCells().size() > 1 && r.getCell(1).getText().equals(label)))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }

    private void ratings(String day, String field, String agency, String channel, int satisfied, int unsatisfied) {
        new RawSql(dataSource).update("""
                INSERT INTO satisfaction_rating (topic_id, field, agency, channel, level, satisfied, rated_on, rated_at)
                SELECT 'dang-ky-khai-sinh', ?, ?, ?, CASE WHEN g <= ? THEN 'hai_long' ELSE 'khong_hai_long' END,
                       g <= ?, ?::date, ?::date FROM generate_series(1, ?) g
                """, field, agency, channel, satisfied, satisfied, day, day, satisfied + unsatisfied);
    }
}
