package vn.dvcassistant.app.stats;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.agencies.AgencyChanges;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.AgencyTestData;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.Field;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Satisfaction figures name the directory's agencies: each commune's body is its own row (by its name, with the
 * ratings without an agency as "Không ghi cơ quan"), and a parent's figures include the agencies under it.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class DirectoryAgencyFiguresTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    JsonMapper json;
    @Inject
    AgencyChanges changes;
    @Inject
    AgencyDirectory directory;
    @Inject
    TransactionOperations<Connection> transactions;

    final String p = "SF" + UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";

    @AfterEach
    void retire() {
        AgencyTestData.retire(transactions, directory, p);
    }

    @Test
    void aCommunesPoliceIsItsOwnRowAndCountsInItsParentsFigures() throws IOException {
        changes.apply(List.of(
                new AgencyChanges.Row(2, new AgencyDraft(p + "CAT", "Công an tỉnh thử", null, AgencyKind.PROVINCE, Set.of(Field.CU_TRU))),
                new AgencyChanges.Row(3, new AgencyDraft(p + "CA1", "Công an xã Duy Tiên", p + "CAT", AgencyKind.COMMUNE_POLICE, Set.of(Field.CU_TRU))),
                new AgencyChanges.Row(4, new AgencyDraft(p + "CA2", "Công an phường Đồng Văn", p + "CAT", AgencyKind.COMMUNE_POLICE, Set.of(Field.CU_TRU)))),
                List.of(), "test");
        try (HttpClient client = StaffSession.client(server)) {
            Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
            String csv = "Ngày;Lĩnh vực;Cơ quan;Mức độ;Hình thức\n"
                    + "03/02/2025;cu-tru;" + p + "CA1;Hài lòng;giấy\n"
                    + "03/02/2025;cu-tru;" + p + "CA1;Không hài lòng;giấy\n"
                    + "04/02/2025;cu-tru;" + p + "CA2;Rất hài lòng;trực tiếp\n"
                    + "05/02/2025;cu-tru;" + p + "CAT;Hài lòng;điện thoại\n";
            HttpResponse<String> imported = StaffSession.send(client, StaffSession.origin(HttpRequest.POST(
                            "/api/v1/admin/satisfaction/import", MultipartBody.builder().addPart("file", "ks.csv",
                                    MediaType.TEXT_PLAIN_TYPE, csv.getBytes(StandardCharsets.UTF_8)).build())
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).cookie(admin)));
            assertThat(imported.getStatus().getCode()).as(imported.body()).isEqualTo(200);
            assertThat(json.readValue(imported.body(), Map.class)).containsEntry("imported", 4);

            assertThat(total(client, p + "CA1")).isEqualTo(2);
            assertThat(total(client, p + "CAT")).as("the province police with its communes' police").isEqualTo(4);

            Map<?, ?> all = client.toBlocking().retrieve(HttpRequest.GET(
                    "/api/v1/stats/satisfaction?channel=periodic&from=2025-02-01&to=2025-02-28&field=cu-tru"), Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) all.get("byAgency");
            assertThat(rows).extracting(r -> r.get("label")).contains("Công an xã Duy Tiên", "Công an phường Đồng Văn",
                    "Công an tỉnh thử");

            // The exports follow the same rules: each commune body named as in the directory, and the province
            // police's file holding its communes' police too.
            String statistics = StaffSession.send(client, HttpRequest.GET(
                    "/quan-tri/xuat/thong-ke.csv?from=2025-02-01&to=2025-02-28").cookie(admin)).body();
            assertThat(statistics).contains("Công an xã Duy Tiên").contains("Công an phường Đồng Văn");
            String ratings = StaffSession.send(client, HttpRequest.GET(
                    "/quan-tri/xuat/danh-gia.csv?from=2025-02-01&to=2025-02-28&agency=" + p + "CAT").cookie(admin)).body();
            assertThat(ratings.lines().skip(1).filter(l -> !l.isBlank()).toList()).hasSize(4)
                    .anySatisfy(l -> assertThat(l).contains(",Công an xã Duy Tiên,"))
                    .anySatisfy(l -> assertThat(l).contains(",Công an tỉnh thử,"));
            // And the dashboard: the commune bodies are bars of its agency ranking (not only names in its picker).
            String dashboard = StaffSession.send(client, HttpRequest.GET(
                    "/quan-tri/tong-quan?from=2025-02-01&to=2025-02-28&field=cu-tru&channel=periodic").cookie(admin)).body();
            int ranking = dashboard.indexOf("<section id=\"ranking\">");
            assertThat(ranking).isPositive();
            assertThat(dashboard.substring(ranking, dashboard.indexOf("</section>", ranking)))
                    .contains("Công an xã Duy Tiên").contains("Công an phường Đồng Văn");
        }
    }

    private long total(HttpClient client, String agency) {
        Map<?, ?> report = client.toBlocking().retrieve(HttpRequest.GET(
                "/api/v1/stats/satisfaction?channel=periodic&from=2025-02-01&to=2025-02-28&agency=" + agency), Map.class);
        return ((Number) report.get("total")).longValue();
    }
}
