package vn.dvcassistant.app.satisfaction;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Periodic survey results imported from a file count as their own channel, batch by batch. */
@MicronautTest(transactional = false)
class SatisfactionImportTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    DataSource dataSource;
    @Inject
    JsonMapper json;

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
    void validRowsCountAsPeriodicSurveyWrongRowsAreReportedAndABatchIsRemovedWhole() throws IOException {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        long before = periodicTotal("SO-NNMT");
        String csv = """
                Ngày;Chủ đề;Lĩnh vực;Cơ quan;Mức độ;Hình thức
                03/02/2025;cap-giay-chung-nhan-lan-dau;;SO-NNMT;Rất hài lòng;giấy
                2025-02-04;;Đất đai;Sở Nông nghiệp và Môi trường;không hài lòng;Điện thoại
                05/02/2025;;dat-dai;SO-NNMT;Hài lòng;trực tiếp
                31/02/2025;;dat-dai;SO-NNMT;Hài lòng;giấy
                06/02/2025;khong-co-chu-de;;;Hài lòng;giấy
                06/02/2025;;dat-dai;SO-TP;Hài lòng;giấy
                06/02/2025;;dat-dai;SO-NNMT;Tốt;giấy
                06/02/2025;;dat-dai;SO-NNMT;Hài lòng;email
                """;
        Map<String, Object> result = upload(admin, "khao-sat.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.get("imported")).isEqualTo(3);
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) result.get("rejected");
        assertThat(rejected).extracting(r -> r.get("row")).containsExactly(5, 6, 7, 8, 9);
        assertThat(rejected).extracting(r -> (String) r.get("message")).allSatisfy(m -> assertThat(m).isNotBlank())
                .anySatisfy(m -> assertThat(m).contains("Ngày không hợp lệ"))
                .anySatisfy(m -> assertThat(m).contains("khong-co-chu-de"));
        assertThat(periodicTotal("SO-NNMT")).isEqualTo(before + 3);
        String batch = (String) result.get("batch");
        assertThat(new RawSql(dataSource).count("SELECT count(*) FROM satisfaction_import_batch b "
                + "JOIN staff_user u ON u.username = b.imported_by WHERE b.id = ? AND b.imported = 3", batch)).isEqualTo(1);

        // The same survey as XLSX.
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(xlsx, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Khảo sát");
            String[][] rows = {{"Ngày", "Chủ đề", "Cơ quan", "Mức độ", "Hình thức"},
                    {"10/03/2025", "cap-giay-chung-nhan-lan-dau", "SO-NNMT", "Hài lòng", "giấy"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    sheet.value(r, c, rows[r][c]);
                }
            }
        }
        Map<String, Object> fromXlsx = upload(admin, "khao-sat.xlsx", xlsx.toByteArray());
        assertThat(fromXlsx.get("imported")).isEqualTo(1);
        assertThat(periodicTotal("SO-NNMT")).isEqualTo(before + 4);

        // A batch imported by mistake goes as a whole; the figures follow.
        HttpResponse<String> removed = StaffSession.send(client,
                StaffSession.origin(HttpRequest.DELETE("/api/v1/admin/satisfaction/import/" + batch).cookie(admin)));
        assertThat(removed.getStatus().getCode()).isEqualTo(204);
        assertThat(periodicTotal("SO-NNMT")).isEqualTo(before + 1);
        assertThat(StaffSession.send(client, StaffSession.origin(HttpRequest.DELETE("/api/v1/admin/satisfaction/import/" + batch)
                .cookie(admin))).getStatus().getCode()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void agencyStaffImportOnlyTheirAgencyAndAFileWithoutTheColumnsIsRefused() throws IOException {
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        String csv = "Ngày,Chủ đề,Cơ quan,Mức độ,Hình thức\n"
                + "03/02/2025,dang-ky-khai-sinh,,Hài lòng,giấy\n"
                + "03/02/2025,dang-ky-khai-sinh,UBND-XA,Hài lòng,giấy\n";
        Map<String, Object> result = upload(staff, "ks.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.get("imported")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) result.get("rejected")).extracting(r -> r.get("row")).containsExactly(3);
        assertThat(new RawSql(dataSource).column("SELECT agency FROM satisfaction_rating WHERE batch_id = ?",
                result.get("batch"))).containsExactly("SO-TP");

        HttpResponse<String> noColumns = StaffSession.send(client, request(staff, "ks.csv",
                "A,B\n1,2\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(noColumns.getStatus().getCode()).isEqualTo(400);
        assertThat(noColumns.body()).contains("import_missing_columns");

        HttpResponse<String> anonymous = StaffSession.send(client, StaffSession.origin(HttpRequest.POST(
                "/api/v1/admin/satisfaction/import", MultipartBody.builder().addPart("file", "ks.csv",
                        MediaType.TEXT_PLAIN_TYPE, csv.getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        assertThat(anonymous.getStatus().getCode()).isEqualTo(401);
    }

    private Map<String, Object> upload(Cookie cookie, String name, byte[] bytes) throws IOException {
        HttpResponse<String> response = StaffSession.send(client, request(cookie, name, bytes));
        assertThat(response.getStatus().getCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    private static HttpRequest<?> request(Cookie cookie, String name, byte[] bytes) {
        // A browser's upload form sends its Origin; forms from other sites are refused.
        return StaffSession.origin(HttpRequest.POST("/api/v1/admin/satisfaction/import",
                        MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(cookie));
    }

    private long periodicTotal(String agency) {
        try (HttpClient anonymous = HttpClient.create(server.getURL())) {
            Map<?, ?> report = anonymous.toBlocking().retrieve(HttpRequest.GET(
                    "/api/v1/stats/satisfaction?channel=periodic&from=2025-01-01&agency=" + agency), Map.class);
            return ((Number) report.get("total")).longValue();
        }
    }
}
