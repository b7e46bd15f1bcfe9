package vn.dvcassistant.app.admin;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
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
import vn.dvcassistant.app.alerts.StaffAlertAddresses;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small staff-page fixes: a campaign's send time in dd/mm/yyyy HH:mm Vietnam time; the survey poster form offers
 * procedures only, sorted by title; the account-creation form takes the e-mail address alerts go to.
 */
@MicronautTest(transactional = false)
@Property(name = "dvc.security.login-attempts-per-minute", value = "1000")
class StaffPageFixesTest {

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    KnowledgeBase knowledgeBase;
    @Inject
    StaffAlertAddresses alerts;

    HttpClient client;
    Cookie admin;

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
        admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aCampaignsSendTimeIsShownAsDayMonthYearHourMinuteInVietnamsTimeZone() {
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30);
        String shown = String.format("%02d/%02d/%d 09:30", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        HttpResponse<String> fromForm = form("/quan-tri/thong-bao", Map.of("text", "Từ 1/3 nộp hồ sơ khai sinh trực tuyến.",
                "channels", "telegram", "sendAt", day + "T09:30"));
        assertThat(fromForm.getStatus().getCode()).as(fromForm.body()).isEqualTo(303);
        String page = get(fromForm.header(HttpHeaders.LOCATION));
        assertThat(page).contains("Gửi lúc: <span>" + shown + "</span>").doesNotContain(day + "T");

        // From the API in UTC: 02:30 UTC is 09:30 in Vietnam.
        java.time.LocalDate next = day.plusDays(1);
        HttpResponse<String> fromApi = StaffSession.send(client, HttpRequest.POST("/api/v1/admin/campaigns",
                Map.of("text", "Lịch tiếp dân tháng 3.", "audience", Map.of("channels", List.of("telegram")),
                        "sendAt", next + "T02:30:00Z")).contentType(MediaType.APPLICATION_JSON_TYPE).cookie(admin));
        assertThat(fromApi.getStatus().getCode()).as(fromApi.body()).isBetween(200, 201);
        String list = get("/quan-tri/thong-bao");
        assertThat(list).contains(shown, String.format("%02d/%02d/%d 09:30", next.getDayOfMonth(), next.getMonthValue(),
                next.getYear())).doesNotContain(next + "T02:30");
    }

    @Test
    void thePosterFormOffersProceduresOnlySortedByTitleAndRefusesAnInformationTopic() {
        String page = get("/quan-tri/phieu-khao-sat");
        String select = page.substring(page.indexOf("<select id=\"topicId\""), page.indexOf("</select>",
                page.indexOf("<select id=\"topicId\"")));
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\">([^<]*)</option>").matcher(select);
        while (option.find()) {
            ids.add(option.group(1));
            titles.add(option.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        assertThat(ids).isNotEmpty().contains("dang-ky-khai-sinh")
                .as("information topics are not procedures").doesNotContain("giay-phep-lai-xe-quoc-te");
        assertThat(ids).allSatisfy(id -> assertThat(knowledgeBase.topic(id).map(Topic::isProcedure)).contains(true));
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        assertThat(titles).isSortedAccordingTo(vietnamese::compare);

        HttpResponse<String> information = StaffSession.send(client, HttpRequest.GET(
                "/quan-tri/phieu-khao-sat/in?topicId=giay-phep-lai-xe-quoc-te&agency=SO-TP").cookie(admin));
        assertThat(information.getStatus().getCode()).isEqualTo(400);
        assertThat(information.body()).contains("không phải thủ tục");
    }

    @Test
    void theAccountFormTakesTheAlertAddressAndATypoInItCreatesNoAccount() {
        assertThat(get("/quan-tri/nguoi-dung")).contains("id=\"new-email\"", "name=\"email\" type=\"email\"");

        String username = "can-bo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = form("/quan-tri/nguoi-dung", Map.of("username", username,
                "displayName", "Cán bộ Sở Tư pháp", "email", "canbo.tp@example.gov.vn", "password", StaffSession.PASSWORD,
                "role", Roles.AGENCY_STAFF, "agencyCode", "SO-TP"));
        assertThat(created.getStatus().getCode()).isEqualTo(303);
        UUID id = accounts.find(username).orElseThrow().id();
        assertThat(alerts.all().get(id)).isEqualTo(new StaffAlertAddresses.Setting("canbo.tp@example.gov.vn", "each"));

        String typo = "can-bo-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> refused = form("/quan-tri/nguoi-dung", Map.of("username", typo, "email", "canbo.example",
                "password", StaffSession.PASSWORD, "role", Roles.AGENCY_STAFF, "agencyCode", "SO-TP"));
        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"users-error\"");
        assertThat(accounts.find(typo)).isEmpty();

        String without = "can-bo-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(form("/quan-tri/nguoi-dung", Map.of("username", without, "password", StaffSession.PASSWORD,
                "role", Roles.EDITOR)).getStatus().getCode()).as("the address stays optional").isEqualTo(303);
        assertThat(accounts.find(without)).isPresent();
    }

    private String get(String path) {
        return StaffSession.send(client, HttpRequest.GET(path).cookie(admin)).body();
    }

    private HttpResponse<String> form(String path, Map<String, String> body) {
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)).cookie(admin));
    }
}
