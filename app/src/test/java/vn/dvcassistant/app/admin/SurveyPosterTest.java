package vn.dvcassistant.app.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff print a survey poster; its link opens the survey, and a rating through it is counted for its agency. */
@MicronautTest(transactional = false)
class SurveyPosterTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
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
    void anA6PosterCarriesAWorkingSignedLinkForItsProcedureAndAgency() {
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/phieu-khao-sat").cookie(admin)).body())
                .contains("Đăng ký khai sinh", "A6");
        LocalDate until = LocalDate.now().plusDays(60);
        HttpResponse<String> poster = StaffSession.send(client, HttpRequest.GET("/quan-tri/phieu-khao-sat/in"
                + "?topicId=dang-ky-khai-sinh&agency=SO-TP&size=A6&until=" + until).cookie(admin));
        assertThat(poster.getStatus().getCode()).isEqualTo(200);
        assertThat(poster.body()).contains("size: A6", "Đăng ký khai sinh", "Sở Tư pháp", "data:image/png;base64,",
                "Phiếu có hiệu lực đến hết ngày " + until.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        Matcher link = Pattern.compile("http://localhost:8080(/khao-sat/dang-ky-khai-sinh\\?t=[^<\"]+)").matcher(poster.body());
        assertThat(link.find()).isTrue();
        String path = link.group(1).replace("&amp;", "&");

        assertThat(StaffSession.send(client, HttpRequest.GET(path)).getStatus().getCode()).isEqualTo(200);
        long before = new RawSql(dataSource).count(
                "SELECT count(*) FROM satisfaction_rating WHERE channel = 'survey' AND agency = 'SO-TP'");
        String token = path.substring(path.indexOf("?t=") + 3);
        HttpResponse<String> thanks = StaffSession.send(client, HttpRequest.POST("/khao-sat/dang-ky-khai-sinh",
                "level=hai_long&t=" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertThat(thanks.getStatus().getCode()).isEqualTo(200);
        assertThat(new RawSql(dataSource).count(
                "SELECT count(*) FROM satisfaction_rating WHERE channel = 'survey' AND agency = 'SO-TP'")).isEqualTo(before + 1);
    }

    @Test
    void agencyStaffPrintOnlyTheirOwnAgencysPostersAndVolunteersNone() {
        Cookie staff = StaffSession.loginAs(client, accounts, Roles.AGENCY_STAFF, "SO-TP");
        HttpResponse<String> other = StaffSession.send(client, HttpRequest.GET(
                "/quan-tri/phieu-khao-sat/in?topicId=dang-ky-khai-sinh&agency=UBND-XA").cookie(staff));
        assertThat(other.getStatus().getCode()).isEqualTo(400);
        assertThat(other.body()).contains("Bạn chỉ tạo được phiếu khảo sát cho cơ quan của mình.");
        assertThat(StaffSession.send(client, HttpRequest.GET(
                "/quan-tri/phieu-khao-sat/in?topicId=dang-ky-khai-sinh&agency=SO-TP").cookie(staff)).getStatus().getCode())
                .isEqualTo(200);
        HttpResponse<String> tooLong = StaffSession.send(client, HttpRequest.GET(
                "/quan-tri/phieu-khao-sat/in?topicId=dang-ky-khai-sinh&agency=SO-TP&until="
                        + LocalDate.now().plusYears(5)).cookie(staff));
        assertThat(tooLong.getStatus().getCode()).isEqualTo(400);

        Cookie volunteer = StaffSession.loginAs(client, accounts, Roles.VOLUNTEER, null);
        assertThat(StaffSession.send(client, HttpRequest.GET("/quan-tri/phieu-khao-sat").cookie(volunteer))
                .getStatus().getCode()).isEqualTo(403);
    }
}
