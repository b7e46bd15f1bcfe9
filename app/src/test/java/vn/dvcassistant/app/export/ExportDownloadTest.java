package vn.dvcassistant.app.export;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.KnowledgeBase;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ExportDownloadTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    SatisfactionRecorder recorder;
    @Inject
    KnowledgeBase knowledgeBase;
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
    void statisticsCsvHasABomVietnameseHeadersAndTheThreeTables() {
        recorder.record(new SatisfactionSubmission(knowledgeBase.topics().get(0).id(), "hai_long", null, "web", null));
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET("/quan-tri/xuat/thong-ke.csv")
                .cookie(admin), byte[].class);
        assertThat(response.header("Content-Disposition")).contains("attachment").contains(".csv");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("Mục,Nội dung");
        assertThat(text).contains("\r\nTổng hợp\r\nTên,Số đánh giá,Số hài lòng,Tỷ lệ hài lòng (%),")
                .contains("\r\nTrả lời tự động\r\n").contains("\r\nXử lý góp ý\r\n")
                .contains("\r\nXử lý câu hỏi chuyển cán bộ\r\n").contains("\r\nDanh sách góp ý và câu hỏi\r\n").contains("Tổng (không gồm khảo sát có hỗ trợ)");
    }

    @Test
    void ratingsXlsxHasOneRowPerRatingOfThePeriodWithTheCitizensMaskedComment() throws Exception {
        String topic = knowledgeBase.topics().get(0).id();
        for (String level : List.of("rat_hai_long", "hai_long", "khong_hai_long")) {
            recorder.record(new SatisfactionSubmission(topic, level, null, "web", "Cán bộ hướng dẫn tận tình"));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        long expected = new RawSql(dataSource).count("SELECT count(*) FROM satisfaction_rating WHERE rated_on = ?", today);
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        byte[] body = client.toBlocking().retrieve(HttpRequest.GET("/quan-tri/xuat/danh-gia.xlsx?from=" + today
                + "&to=" + today).cookie(admin), byte[].class);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
            Sheet ratings = workbook.getFirstSheet();
            assertThat(ratings.getName()).isEqualTo("Đánh giá hài lòng");
            List<Row> rows = ratings.read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Ngày");
            assertThat(rows).hasSize((int) expected + 1);
            assertThat(rows).anySatisfy(r -> assertThat(r.getCellText(9)).isEqualTo("Cán bộ hướng dẫn tận tình"));
            assertThat(rows).anySatisfy(r -> assertThat(List.of(r.getCellText(6), r.getCellText(7), r.getCellText(8)))
                    .containsExactly("Trang web", "Không hài lòng", "Không"));
        }
    }

    @Test
    void agencyStaffExportsOnlyTheirAgencyAndVolunteersCannotExport() {
        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/xuat/danh-gia.csv").cookie(volunteer))
                .getStatus().getCode()).isEqualTo(403);
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        String csv = StaffSession.send(client, HttpRequest.GET("/quan-tri/xuat/danh-gia.csv").cookie(staff)).body();
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank())).allSatisfy(l -> assertThat(l).contains(",Sở Tư pháp,"));
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/xuat/danh-gia.pdf").cookie(staff))
                .getStatus().getCode()).isEqualTo(400);
    }
}
