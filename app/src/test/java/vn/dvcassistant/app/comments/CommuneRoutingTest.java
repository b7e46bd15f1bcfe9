package vn.dvcassistant.app.comments;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.agencies.AgencyChanges;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.app.province.AgencyDraft;
import vn.dvcassistant.app.province.AgencyKind;
import vn.dvcassistant.app.province.AgencyTestData;
import vn.dvcassistant.kb.Field;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the province's communes in the directory, a comment that names a commune's People's Committee or police goes
 * to that body, one that names the commune about a procedure the commune handles goes to its People's Committee, and
 * everything else is routed by field as before (stored in PostgreSQL, read back).
 */
@MicronautTest(transactional = false)
class CommuneRoutingTest {

    @Inject
    CommentService comments;
    @Inject
    AgencyChanges changes;
    @Inject
    AgencyDirectory directory;
    @Inject
    TransactionOperations<Connection> transactions;

    String p;

    @BeforeEach
    void loadCommunes() {
        p = "CR" + UUID.randomUUID().toString().substring(0, 5).toUpperCase() + "-";
        changes.apply(List.of(
                new AgencyChanges.Row(2, new AgencyDraft(p + "KB", "UBND xã Kim Bảng", null, AgencyKind.COMMUNE_COMMITTEE, Set.of())),
                new AgencyChanges.Row(3, new AgencyDraft(p + "CAKB", "Công an xã Kim Bảng", "CONG-AN", AgencyKind.COMMUNE_POLICE,
                        Set.of(Field.CU_TRU))),
                new AgencyChanges.Row(4, new AgencyDraft(p + "PL", "Ủy ban nhân dân phường Phủ Lý", null, AgencyKind.COMMUNE_COMMITTEE, Set.of()))),
                List.of(), "test");
    }

    @AfterEach
    void retire() {
        AgencyTestData.retire(transactions, directory, p);
    }

    @Test
    void aCommentNamingACommunesBodyReachesThatBody() {
        assertThat(agencyOf("UBND xã Kim Bảng hẹn trả giấy khai sinh cho con tôi đã quá hạn một tuần.")).isEqualTo(p + "KB");
        assertThat(agencyOf("Công an xã Kim Bảng chưa xác nhận đăng ký thường trú cho gia đình tôi.")).isEqualTo(p + "CAKB");
        assertThat(agencyOf("Ubnd phuong Phu Ly tiep dan rat nhiet tinh, cam on can bo.")).as("typed without diacritics")
                .isEqualTo(p + "PL");
    }

    @Test
    void aCommuneNamedAboutACommuneProcedureGoesToItsCommitteeOtherwiseByField() {
        assertThat(agencyOf("Tôi ở xã Kim Bảng, đăng ký khai sinh cho con mà chờ lâu quá.")).isEqualTo(p + "KB");
        assertThat(agencyOf("Tôi ở xã Kim Bảng, đăng ký doanh nghiệp trên cổng dịch vụ công bị lỗi."))
                .as("a province procedure stays with the province agency").isEqualTo("SO-TC");
        assertThat(agencyOf("Đăng ký khai sinh cho con mà chờ lâu quá.")).as("no commune named").isEqualTo("SO-TP");
    }

    private String agencyOf(String text) {
        SubmittedComment submitted = comments.submit(new CommentSubmission(text, null, null, "web", false, null, null, null, null));
        return comments.find(submitted.code()).orElseThrow().agency();
    }
}
