package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.Field;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin loads the province's directory from a CSV or XLSX file: checked as a whole (row-numbered Vietnamese
 * errors, nothing stored), applied in one transaction, seen by a second instance without a restart; deactivated
 * agencies stay named but are offered nowhere new.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class AgencyDirectoryUploadTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    JsonMapper json;
    @Inject
    AgencyDirectory directory;
    @Inject
    TransactionOperations<Connection> transactions;

    HttpClient client;
    /** A prefix of this test's codes, so that they are retired afterwards and other tests see the shipped directory. */
    String p;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
        p = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    @AfterEach
    void retireTheTestAgencies() {
        client.close();
        AgencyTestData.retire(transactions, directory, p);
    }

    @Test
    void theSeedIsTheConfiguredDirectoryWithKinds() {
        assertThat(directory.find("UBND-XA")).get().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AgencyKind.COMMUNE_COMMITTEE);
            assertThat(a.fields()).isEmpty();
        });
        assertThat(directory.find("SO-TP")).get().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AgencyKind.PROVINCE);
            assertThat(a.fields()).containsExactlyInAnyOrder(Field.HO_TICH, Field.TU_PHAP);
        });
    }

    @Test
    void aCsvWithBomLoadsCommunesUnderTheirParentsAndASecondInstanceSeesThem() throws IOException {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        // Another instance of the service: its own snapshot of the same database, refreshed every 100 ms.
        AgencyDirectory other = new AgencyDirectory(List.of(), transactions, Duration.ofMillis(100));
        String csv = "\uFEFFMã;Tên;Cấp trên;Loại;Lĩnh vực\n"
                + p + "UB1;UBND phường Phủ Lý;;UBND xã/phường;\n"
                + p + "CA1;Công an phường Phủ Lý;CONG-AN;cong-an-xa;cu-tru\n"
                + p + "UB2;UBND xã Kim Bảng;;ubnd-xa;\n"
                + p + "SO;\"Sở Văn hóa, Thể thao\";;tinh;\"ho-tich, tu-phap\"\n";
        HttpResponse<String> response = upload(admin, "danh-ba.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatus().getCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readValue(response.body(), Map.class)).containsEntry("created", 4).containsEntry("updated", 0);

        Agency police = directory.find(p + "CA1").orElseThrow();
        assertThat(police.kind()).isEqualTo(AgencyKind.COMMUNE_POLICE);
        assertThat(police.parent()).isEqualTo("CONG-AN");
        assertThat(police.fields()).containsExactly(Field.CU_TRU);
        assertThat(directory.provinceLevel(police).code()).as("a commune's police rolls up to the province police")
                .isEqualTo("CONG-AN");
        assertThat(directory.find(p + "SO").orElseThrow().name()).isEqualTo("Sở Văn hóa, Thể thao");
        assertThat(directory.ofKind(AgencyKind.COMMUNE_COMMITTEE)).extracting(Agency::code).contains(p + "UB1", p + "UB2");
        awaitTrue(() -> other.find(p + "UB2").isPresent(), "the second instance sees the new commune");

        // The same codes again as XLSX: updated in place, nothing added.
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(xlsx, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Cơ quan");
            String[][] rows = {{"Mã", "Tên", "Loại"}, {p + "UB2", "UBND xã Kim Bảng mới", "ubnd-xa"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    sheet.value(r, c, rows[r][c]);
                }
            }
        }
        HttpResponse<String> again = upload(admin, "danh-ba.xlsx", xlsx.toByteArray());
        assertThat(again.getStatus().getCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readValue(again.body(), Map.class)).containsEntry("created", 0).containsEntry("updated", 1);
        assertThat(directory.find(p + "UB2").orElseThrow().name()).isEqualTo("UBND xã Kim Bảng mới");
        awaitTrue(() -> other.find(p + "UB2").map(a -> a.name().endsWith("mới")).orElse(false),
                "the second instance sees the new name");
    }

    @Test
    void aFileWithAnyWrongRowIsRefusedWholeWithEveryRowsProblemInVietnamese() throws IOException {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        String csv = "Mã,Tên,Cấp trên,Loại,Lĩnh vực\n"
                + p + "OK,UBND xã Thanh Liêm,,ubnd-xa,\n"
                + p + "X1,Công an xã A," + p + "KHONG-CO,cong-an-xa,\n"
                + p + "OK,UBND trùng mã,,ubnd-xa,\n"
                + p + "X2,Sở lạ,,tinh,nong-nghiep\n"
                + p + "X3,Một tên,,cap-huyen,\n"
                + p + "X4," + "A".repeat(201) + ",,tinh,\n"
                + p + "X5,Tên có \u0000 NUL,,tinh,\n"
                + "mã có dấu,Tên,,tinh,\n";
        HttpResponse<String> response = upload(admin, "sai.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatus().getCode()).isEqualTo(400);
        Map<?, ?> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("error")).isEqualTo("agency_rows_invalid");
        assertThat((String) body.get("message")).contains("chưa được lưu");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
        assertThat(errors).extracting(e -> e.get("row")).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(errors).extracting(e -> (String) e.get("message")).containsExactly(
                "Không có cơ quan cấp trên mã \"" + p + "KHONG-CO\" trong danh bạ hay trong tệp.",
                "Mã " + p + "OK trùng với dòng 2.",
                "Lĩnh vực \"nong-nghiep\" không có.",
                "Loại \"cap-huyen\" không có. Dùng: tinh, trung-tam, ubnd-xa, cong-an-xa.",
                "Tên cơ quan dài quá 200 ký tự.",
                "Tên cơ quan có ký tự không hợp lệ.",
                "Mã \"MÃ CÓ DẤU\" không hợp lệ: chỉ dùng chữ không dấu, số, dấu gạch ngang, tối đa 32 ký tự.");
        assertThat(directory.find(p + "OK")).as("nothing of a refused file is stored").isEmpty();
    }

    @Test
    void malformedFilesAreRefusedWithAMachineCodeNeverA500() {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        assertThat(refusal(upload(admin, "a.xlsx", new byte[]{'P', 'K', 3, 4, 0, 1, 2}))).isEqualTo("400 agency_file_unreadable");
        assertThat(refusal(upload(admin, "a.csv", "Tên,Cấp trên\nSở,\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("400 agency_file_missing_columns");
        assertThat(refusal(upload(admin, "a.csv", "Mã,Tên\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("400 agency_file_empty");
        assertThat(refusal(upload(admin, "a.csv", new byte[0]))).isEqualTo("400 agency_file_empty");
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertThat(upload(admin, "a.bin", noise).getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminMayUpload() {
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        byte[] csv = ("Mã,Tên\n" + p + "A,Cơ quan\n").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(staff, "a.csv", csv).getStatus().getCode()).isEqualTo(403);
        assertThat(StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/agencies/import",
                        MultipartBody.builder().addPart("file", "a.csv", MediaType.TEXT_PLAIN_TYPE, csv).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE))).getStatus().getCode()).isEqualTo(401);
        assertThat(directory.find(p + "A")).isEmpty();
    }

    @Test
    void deactivatingKeepsTheNameButOffersTheAgencyNowhereNewAndAParentWaitsForItsChildren() {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        String csv = "Mã,Tên,Cấp trên,Loại\n" + p + "UB,UBND xã Lý Nhân,,ubnd-xa\n" + p + "CA,Công an xã Lý Nhân," + p + "UB,cong-an-xa\n";
        assertThat(upload(admin, "a.csv", csv.getBytes(StandardCharsets.UTF_8)).getStatus().getCode()).isEqualTo(200);
        String staff = StaffSession.newUser(accounts, Roles.AGENCY_STAFF, p + "CA");

        assertThat(refusal(post(admin, "/api/v1/admin/agencies/" + p + "UB/deactivate")))
                .isEqualTo("409 agency_has_active_children");
        assertThat(post(admin, "/api/v1/admin/agencies/" + p + "CA/deactivate").getStatus().getCode()).isEqualTo(200);
        assertThat(directory.find(p + "CA")).get().extracting(Agency::active).isEqualTo(false);
        assertThat(directory.all()).extracting(Agency::code).doesNotContain(p + "CA");
        assertThat(StaffSession.login(client, staff, StaffSession.PASSWORD)).as("its staff still log in").isPresent();
        assertThat(refusal(StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/users",
                Map.of("username", "moi-" + p.toLowerCase() + "x", "password", StaffSession.PASSWORD,
                        "role", Roles.AGENCY_STAFF, "agencyCode", p + "CA")).cookie(admin)))))
                .as("no new account for a deactivated agency").isEqualTo("400 staff_agency_required");
        assertThat(post(admin, "/api/v1/admin/agencies/" + p + "UB/deactivate").getStatus().getCode()).isEqualTo(200);
        assertThat(refusal(post(admin, "/api/v1/admin/agencies/" + p + "CA/activate"))).isEqualTo("409 agency_parent_inactive");

        Map<?, ?>[] listed = StaffSession.send(client, HttpRequest.GET("/api/v1/admin/agencies").cookie(admin))
                .getBody().map(b -> {
                    try {
                        return json.readValue(b, Map[].class);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseThrow();
        assertThat(List.of(listed)).filteredOn(m -> m.get("code").equals(p + "CA")).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("active")).isEqualTo(false);
                    assertThat(m.get("parent")).isEqualTo(p + "UB");
                    assertThat(m.get("kind")).isEqualTo("cong-an-xa");
                });
    }

    @Test
    void theTemplatesAreTheColumnsWithExamplesAndLoadAsTheyAre() throws IOException {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        HttpResponse<byte[]> csv = client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/agencies/template.csv")
                .cookie(admin), byte[].class);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFMã,Tên,Cấp trên,Loại,Lĩnh vực\r\n");
        HttpResponse<byte[]> xlsx = client.toBlocking().exchange(HttpRequest.GET("/api/v1/admin/agencies/template.xlsx")
                .cookie(admin), byte[].class);
        assertThat(xlsx.body()).startsWith('P', 'K');
        // The template's example rows are valid as they are (their codes renamed, to leave the directory alone).
        String renamed = text.replace("CA-PHU-LY", p + "CA").replace("UBND-PHU-LY", p + "UB").replace("TTPVHCC", p + "TT")
                .replace("\r\nCONG-AN,", "\r\n" + p + "CAT,");
        HttpResponse<String> loaded = upload(admin, "mau.csv", renamed.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.getStatus().getCode()).as(loaded.body()).isEqualTo(200);
        assertThat(directory.find(p + "TT")).get().extracting(Agency::kind).isEqualTo(AgencyKind.SERVICE_CENTRE);
    }

    private HttpResponse<String> upload(Cookie cookie, String name, byte[] bytes) {
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST("/api/v1/admin/agencies/import",
                        MultipartBody.builder().addPart("file", name, MediaType.APPLICATION_OCTET_STREAM_TYPE, bytes).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(cookie)));
    }

    private HttpResponse<String> post(Cookie cookie, String path) {
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST(path, "").cookie(cookie)));
    }

    private String refusal(HttpResponse<String> response) {
        try {
            Map<?, ?> body = json.readValue(response.body(), Map.class);
            return response.getStatus().getCode() + " " + body.get("error");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
