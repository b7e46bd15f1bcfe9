package vn.dvcassistant.app.alerts;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;
import vn.dvcassistant.app.security.Roles;
import vn.dvcassistant.app.security.StaffAccounts;
import vn.dvcassistant.app.security.StaffSession;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts reach agency staff at the addresses an admin sets on the users page, through the real SMTP client to
 * GreenMail: staff who want each alert get one per new hand-off question, staff who chose the digest get one
 * mail a day listing new and overdue items, and several senders racing for the same digest send it once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAlertMailTest implements TestPropertyProvider {

    /** The agency of the first test; its name as people read it. */
    private static final String AGENCY = "Thuế tỉnh";
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    CommentService comments;
    @Inject
    DailyDigest digest;
    @Inject
    DataSource dataSource;

    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dvc.smtp.host", "127.0.0.1", "dvc.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "dvc.smtp.from", "tro-ly@tinh.gov.vn", "dvc.alerts.interval", "1s", "dvc.alerts.digest-hour", "0",
                "dvc.security.login-attempts-per-minute", "1000");
    }

    @BeforeEach
    void open() {
        client = StaffSession.client(server);
    }

    @AfterEach
    void close() {
        client.close();
    }

    @AfterAll
    void stop() {
        SMTP.stop();
    }

    @Test
    void staffGetEachHandOffQuestionOrOneDailyDigestAtTheAddressesAnAdminSet() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String each = "can-bo-" + tag + "@sotp.tinh.gov.vn";
        String daily = "lanh-dao-" + tag + "@sotp.tinh.gov.vn";
        Cookie admin = StaffSession.loginAs(client, accounts, Roles.ADMIN, null);
        UUID eachId = accounts.find(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "THUE")).orElseThrow().id();
        UUID dailyId = accounts.find(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "THUE")).orElseThrow().id();

        HttpResponse<String> refused = form("/quan-tri/nguoi-dung/" + eachId + "/canh-bao",
                Map.of("email", "khong-phai-email", "alertMode", "each"), admin);
        assertThat(refused.getStatus().getCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Địa chỉ email không hợp lệ.");
        assertThat(form("/quan-tri/nguoi-dung/" + eachId + "/canh-bao", Map.of("email", each, "alertMode", "each"), admin)
                .getStatus().getCode()).isEqualTo(303);
        String fresh = handOffQuestion("THUE", null);
        String late = handOffQuestion("THUE", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3));
        // The digest is chosen once the items exist, so the day's digest cannot go out before them.
        assertThat(form("/quan-tri/nguoi-dung/" + dailyId + "/canh-bao", Map.of("email", daily, "alertMode", "digest"),
                admin).getStatus().getCode()).isEqualTo(303);
        String page = StaffSession.send(client, HttpRequest.GET("/quan-tri/nguoi-dung").cookie(admin)
                .accept(MediaType.TEXT_HTML_TYPE)).body();
        assertThat(page).contains(each, daily, "Tổng hợp hằng ngày", AGENCY);

        MimeMessage alert = waitForMail(m -> to(m).contains(each)
                && subject(m).equals("Câu hỏi chuyển cán bộ mới " + fresh + " gửi " + AGENCY));
        assertThat(text(alert)).contains(fresh, "Thuế", "Hạn trả lời", "/quan-tri/gop-y/" + fresh)
                .doesNotContain("khai sinh chưa được");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        MimeMessage digestMail = waitForMail(m -> to(m).contains(daily) && subject(m).startsWith("Tổng hợp ngày"));
        assertThat(subject(digestMail)).isEqualTo("Tổng hợp ngày " + today + ": " + AGENCY);
        String body = text(digestMail);
        assertThat(body.substring(body.indexOf("Mới nhận"), body.indexOf("Sắp đến hạn"))).contains(fresh, late);
        assertThat(body.substring(body.indexOf("Đã quá hạn"))).contains("Câu hỏi chuyển cán bộ " + late)
                .doesNotContain(fresh);
        assertThat(body).doesNotContain("khai sinh chưa được");
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(daily)
                && subject(m).startsWith("Câu hỏi chuyển cán bộ mới"))).as("digest readers get no single alerts").isEmpty();
        assertThat(digest.send()).as("today's digest is already sent").isZero();
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(daily))).hasSize(1);
    }

    @Test
    void severalSendersRacingForTheSameDigestSendItOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = "van-thu-" + tag + "@soxd.tinh.gov.vn";
        UUID id = accounts.find(StaffSession.newUser(accounts, Roles.AGENCY_STAFF, "SO-NV")).orElseThrow().id();
        handOffQuestion("SO-NV", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1));
        new RawSql(dataSource).update("UPDATE staff_user SET email = ?, alert_mode = 'digest' WHERE id = ?", address, id);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(digest::send);
            }
            int sentHere = 0;
            for (Future<Integer> f : pool.invokeAll(senders)) {
                sentHere += f.get();
            }
            assertThat(sentHere).as("at most one of the racing senders (the scheduler is another)").isLessThanOrEqualTo(1);
        } finally {
            pool.shutdown();
        }
        waitForMail(m -> to(m).contains(address));
        assertThat(digest.send()).isZero();
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(address))).hasSize(1);
    }

    /** A question handed over to staff, as issue 14's hand-off stores it: a tracked item of kind 'question'. */
    private String handOffQuestion(String agency, LocalDate answerDue) {
        String source = comments.submit(new CommentSubmission("Hỏi về khai sinh chưa được trả lời", null,
                agency.equals("THUE") ? "thue" : "lao-dong", "web", false, null, null, null, null)).code();
        String code = "CH" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        new RawSql(dataSource).update("""
                INSERT INTO citizen_comment (code, channel, field, agency, text, consent, status, received_at, reject_due,
                                             info_due, answer_due, updated_at, kind)
                SELECT ?, channel, field, ?, text, consent, status, now(), reject_due, info_due,
                       coalesce(?::date, answer_due), now(), 'question'
                  FROM citizen_comment WHERE code = ?""", code, agency, answerDue, source);
        return code;
    }

    private HttpResponse<String> form(String path, Map<String, String> body, Cookie session) {
        return StaffSession.send(client, StaffSession.origin(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)).cookie(session));
    }

    /** Polls the server's mailboxes until a mail matches or 30 s pass. */
    private static MimeMessage waitForMail(Predicate<MimeMessage> matches) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = Arrays.stream(SMTP.getReceivedMessages()).filter(matches).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            SMTP.waitForIncomingEmail(500, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no such mail within 30 s");
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(multipart.getBodyPart(i).getContent());
            }
            return text.toString();
        }
        return content.toString();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
