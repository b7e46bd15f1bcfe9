package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.comments.SubmittedComment;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class StaffCommentAccessTest {

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
    void agencyStaffCannotSeeOrAnswerAnotherAgencysComment() {
        SubmittedComment police = comments.submit(new CommentSubmission("Đăng ký tạm trú bị trả hồ sơ nhiều lần",
                null, "cu-tru", "telegram", true, null, null, null, "12345"));
        assertThat(police.agency()).isEqualTo("CONG-AN");
        Cookie justice = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");

        HttpResponse<String> answer = StaffSession.send(client, HttpRequest.POST(
                "/api/v1/admin/comments/" + police.code() + "/answer", Map.of("answer", "Đã xử lý")).cookie(justice));
        assertThat(answer.getStatus().getCode()).isEqualTo(403);
        assertThat(answer.body()).contains("agency_forbidden");
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/gop-y/" + police.code()).cookie(justice))
                .getStatus().getCode()).isEqualTo(403);
        assertThat(comments.find(police.code()).orElseThrow().status()).isEqualTo("received");

        // Their own list does not show it either.
        String list = StaffSession.send(client, HttpRequest.GET("/quan-tri/gop-y").cookie(justice)).body();
        assertThat(list).doesNotContain(police.code());
    }

    @Test
    void agencyStaffAnswerTheirOwnCommentWhichIsQueuedToTheCitizenAndPublishedOnlyWithTheConfirmedText() {
        SubmittedComment police = comments.submit(new CommentSubmission("Xin hỏi thời gian cấp lại căn cước",
                null, "cu-tru", "telegram", true, null, null, null, "67890"));
        Cookie policeStaff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "CONG-AN");

        HttpResponse<String> answer = StaffSession.send(client, HttpRequest.POST(
                "/api/v1/admin/comments/" + police.code() + "/answer",
                Map.of("answer", "Thời hạn là 7 ngày làm việc.")).cookie(policeStaff));
        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(comments.find(police.code()).orElseThrow().status()).as("answering is not publishing")
                .isEqualTo("answered");
        assertThat(new RawSql(dataSource).count("SELECT count(*) FROM comment_reply_outbox o JOIN citizen_comment c "
                + "ON c.id = o.comment_id WHERE c.code = ? AND o.recipient = '67890'", police.code())).isEqualTo(1);
        assertThat(StaffSession.send(client, HttpRequest.GET("/minh-bach")).body())
                .doesNotContain("Thời hạn là 7 ngày làm việc.");

        HttpResponse<String> published = StaffSession.send(client, HttpRequest.POST(
                "/api/v1/admin/comments/" + police.code() + "/publish",
                Map.of("publicText", "Xin hỏi thời gian cấp lại căn cước")).cookie(policeStaff));
        assertThat(published.getStatus().getCode()).isEqualTo(200);
        assertThat(comments.find(police.code()).orElseThrow().status()).isEqualTo("published");
        assertThat(StaffSession.send(client, HttpRequest.GET("/minh-bach")).body())
                .contains("Thời hạn là 7 ngày làm việc.");
    }

    @Test
    void editorsAndVolunteersCannotAnswerComments() {
        SubmittedComment c = comments.submit(new CommentSubmission("Góp ý về thủ tục hộ tịch", null, "ho-tich", "web",
                false, null, null, null, null));
        for (String role : new String[] {Roles.EDITOR, Roles.VOLUNTEER}) {
            Cookie session = StaffSession.loginAs(client, accounts, role, null);
            assertThat(StaffSession.send(client, HttpRequest.POST("/api/v1/admin/comments/" + c.code() + "/answer",
                    Map.of("answer", "x")).cookie(session)).getStatus().getCode()).isEqualTo(403);
        }
    }
}
