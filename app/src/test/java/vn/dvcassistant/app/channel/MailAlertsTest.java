package vn.dvcassistant.app.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.security.RawSql;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts and e-mail answers through the real SMTP client code to GreenMail, a real SMTP server in this JVM:
 * a new comment reaches its agency's mailbox, so does a passed deadline, and an answer queued for a citizen
 * who left only an e-mail address arrives in their mailbox.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailAlertsTest implements TestPropertyProvider {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @Inject
    CommentService comments;
    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("dvc.smtp.host", "127.0.0.1", "dvc.smtp.port", String.valueOf(SMTP.getSmtp().getPort()),
                "dvc.smtp.from", "tro-ly@tinh.gov.vn",
                "dvc.alerts.recipients", "SO-TP=van-thu@sotp.tinh.gov.vn;pho-giam-doc@sotp.tinh.gov.vn",
                "dvc.alerts.interval", "1s", "channels.outbox.interval", "1s");
    }

    @AfterAll
    void stop() {
        SMTP.stop();
    }

    @Test
    void aNewCommentAndItsPassedDeadlineReachTheAgencysMailboxes() throws Exception {
        String code = comments.submit(new CommentSubmission("Hồ sơ khai sinh bị trả lại nhiều lần", null, "ho-tich",
                "web", false, null, null, null, null)).code();

        MimeMessage alert = waitForMail(m -> subject(m).equals("Góp ý mới " + code + " gửi Sở Tư pháp"), 2);
        assertThat(Arrays.stream(alert.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsAnyOf("van-thu@sotp.tinh.gov.vn", "pho-giam-doc@sotp.tinh.gov.vn");
        assertThat(text(alert)).contains(code, "Hộ tịch", "Hạn trả lời", "/quan-tri/gop-y/" + code)
                .doesNotContain("khai sinh bị trả lại");

        new RawSql(dataSource).update("UPDATE citizen_comment SET answer_due = current_date - 3 WHERE code = ?", code);
        MimeMessage late = waitForMail(m -> subject(m).equals("Góp ý " + code + " sắp đến hạn hoặc đã quá hạn"), 2);
        assertThat(text(late)).contains("đã quá hạn");
    }

    @Test
    void anAnswerToACitizenWhoLeftOnlyAnEmailIsSentByMail() throws Exception {
        String code = comments.submit(new CommentSubmission("Xin hướng dẫn đăng ký khai sinh", null, "ho-tich",
                "web", false, null, null, null, null)).code();
        assertThat(new RawSql(dataSource).update("INSERT INTO comment_reply_outbox (comment_id, channel, recipient, text, created_at) "
                + "SELECT id, 'email', 'nguoi-dan@example.vn', 'Sở Tư pháp trả lời góp ý ' || code || ': hồ sơ đã được hướng dẫn lại.', now() "
                + "FROM citizen_comment WHERE code = ?", code)).isEqualTo(1);
        MimeMessage answer = waitForMail(m -> recipients(m).contains("nguoi-dan@example.vn"), 1);
        assertThat(subject(answer)).isEqualTo("Trả lời góp ý của bạn về dịch vụ công");
        assertThat(text(answer)).contains("hồ sơ đã được hướng dẫn lại");
        // The outbox marks the entry sent just after the server accepted the mail: wait for it.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (new RawSql(dataSource).count("SELECT count(*) FROM comment_reply_outbox WHERE recipient = "
                + "'nguoi-dan@example.vn' AND sent_at IS NULL") > 0 && Instant.now().isBefore(deadline)) {
            SMTP.waitForIncomingEmail(200, Integer.MAX_VALUE);
        }
        assertThat(new RawSql(dataSource).count("SELECT count(*) FROM comment_reply_outbox WHERE recipient = "
                + "'nguoi-dan@example.vn' AND sent_at IS NULL")).as("marked sent").isZero();
    }

    /** Polls the server's mailboxes until {@code count} mails match or 30 s pass. */
    private static MimeMessage waitForMail(Predicate<MimeMessage> matches, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> found = Arrays.stream(SMTP.getReceivedMessages()).filter(matches).toList();
            if (found.size() >= count) {
                return found.get(0);
            }
            SMTP.waitForIncomingEmail(500, SMTP.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no such mail within 30 s");
    }

    /** The decoded text of a mail, plain or multipart. */
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
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
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
