package vn.dvcassistant.app.report;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
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
import vn.dvcassistant.app.web.VietnameseFormat;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions handed over to staff ({@code citizen_comment.kind = 'question'}) are counted apart from comments in
 * the statistics API, the workbook and the year-end report, and each of those shows the API's figures.
 */
@MicronautTest(transactional = false)
class HandOffQuestionFiguresTest {

    private static final String YEAR = "from=2161-01-01&to=2161-12-31";

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;
    @Inject
    VietnameseFormat format;

    HttpClient client;

    @BeforeEach
    void open() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        configuration.setReadTimeout(Duration.ofSeconds(60));
        client = HttpClient.create(server.getURL(), configuration);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void questionsAndCommentsAreCountedApartAndTheWorkbookAndReportShowTheApisFigures() throws Exception {
        // Two comments, three hand-off questions: one answered on time, one published, one left past its deadline.
        item("comment", "2161-03-02", "published", 3, true);
        item("comment", "2161-03-03", "received", null, false);
        String answered = item("question", "2161-04-01", "answered", 2, true);
        item("question", "2161-04-02", "published", 6, true);
        String late = item("question", "2161-04-03", "received", null, false);
        new RawSql(dataSource).update("UPDATE citizen_comment SET answer_due = current_date - 3 WHERE code = ?", late);

        Map<String, Object> questionsApi = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/stats/comments?kind=question&" + YEAR), Map.class);
        Map<String, Object> commentsApi = client.toBlocking().retrieve(
                HttpRequest.GET("/api/v1/stats/comments?" + YEAR), Map.class);
        Map<String, Object> q = (Map<String, Object>) questionsApi.get("total");
        Map<String, Object> c = (Map<String, Object>) commentsApi.get("total");
        assertThat(((Number) q.get("received")).longValue()).isEqualTo(3);
        assertThat(((Number) q.get("acknowledged")).longValue()).isEqualTo(2);
        assertThat(((Number) q.get("overdue")).longValue()).isEqualTo(1);
        assertThat(((Number) c.get("received")).longValue()).as("comments only").isEqualTo(2);
        assertThat(StaffSession.send(client, HttpRequest.GET("/api/v1/stats/comments?kind=khac")).getStatus().getCode())
                .isEqualTo(400);

        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        byte[] xlsx = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/xuat/thong-ke.xlsx?" + YEAR).cookie(admin),
                byte[].class);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            Map<String, List<Row>> sheets = workbook.getSheets().collect(Collectors.toMap(Sheet::getName,
                    HandOffQuestionFiguresTest::rows));
            Row questionTotal = last(sheets.get("Xử lý câu hỏi chuyển cán bộ"));
            assertThat(questionTotal.getCellText(0)).isEqualTo("Tổng");
            assertThat(number(questionTotal, 1)).isEqualTo(3);
            assertThat(number(questionTotal, 2)).isEqualTo(2);
            assertThat(questionTotal.getCell(3).asNumber().doubleValue())
                    .isEqualTo(((Number) q.get("acknowledgedShare")).doubleValue());
            assertThat(number(questionTotal, 9)).isEqualTo(1);
            assertThat(number(last(sheets.get("Xử lý góp ý")), 1)).isEqualTo(2);

            List<Row> list = sheets.get("Danh sách góp ý và câu hỏi");
            assertThat(list.stream().filter(r -> r.getCellText(0).equals(answered)).findFirst().orElseThrow().getCellText(1))
                    .isEqualTo("Câu hỏi chuyển cán bộ");
            Row lateRow = list.stream().filter(r -> r.getCellText(0).equals(late)).findFirst().orElseThrow();
            assertThat(List.of(lateRow.getCellText(1), lateRow.getCellText(2), lateRow.getCellText(3), lateRow.getCellText(4),
                    lateRow.getCellText(9))).containsExactly("Câu hỏi chuyển cán bộ", "Hộ tịch", "Sở Tư pháp",
                    "Đã tiếp nhận", "Không");
            assertThat(list.stream().skip(1).filter(r -> r.getCellText(1).equals("Góp ý")).count()).isEqualTo(2);
        }

        byte[] docx = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/bao-cao?" + YEAR + "&format=docx")
                .cookie(admin), byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable handling = doc.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Loại"))
                    .findFirst().orElseThrow();
            assertThat(cells(row(handling, "Câu hỏi chuyển cán bộ"))).containsExactly("Câu hỏi chuyển cán bộ", "3", "2",
                    format.percent(((Number) q.get("acknowledgedShare")).doubleValue()),
                    format.count(((Number) q.get("answeredOnTime")).longValue()) + " ("
                            + format.percent(((Number) q.get("answeredOnTimeShare")).doubleValue()) + ")",
                    "1", format.decimal(((Number) q.get("medianDaysToAnswer")).doubleValue()));
            assertThat(cells(row(handling, "Góp ý"))).element(1).isEqualTo("2");
        }
    }

    /** A tracked item received on {@code day}, of {@code kind}, left in {@code status}. */
    private String item(String kind, String day, String status, Integer answeredAfterDays, boolean acknowledged) {
        String code = comments.submit(new CommentSubmission("Hồ sơ khai sinh chưa được trả lời", null, "ho-tich", "web",
                false, null, null, null, null)).code();
        new RawSql(dataSource).update("""
                UPDATE citizen_comment SET kind = ?, status = ?, received_at = ?::date + time '09:00',
                       answer_due = ?::date + 15, publish_due = ?::date + 20,
                       acknowledged_at = CASE WHEN ? THEN ?::date + time '10:00' END,
                       answered_at = ?::date + time '09:00' + make_interval(days => ?),
                       published_at = CASE WHEN ? = 'published' THEN ?::date + time '09:00' + make_interval(days => 8) END
                 WHERE code = ?""", kind, status, day, day, day, acknowledged, day, day,
                answeredAfterDays == null ? null : answeredAfterDays, status, day, code);
        if (answeredAfterDays == null) {
            new RawSql(dataSource).update("UPDATE citizen_comment SET answered_at = NULL WHERE code = ?", code);
        }
        return code;
    }

    private static List<Row> rows(Sheet sheet) {
        try {
            return sheet.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row last(List<Row> rows) {
        return rows.get(rows.size() - 1);
    }

    private static long number(Row row, int column) {
        BigDecimal value = row.getCell(column).asNumber();
        return value.longValueExact();
    }

    private static XWPFTableRow row(XWPFTable table, String label) {
        return table.getRows().stream().filter(r -> r.getCell(0).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label));
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText()).toList();
    }
}
