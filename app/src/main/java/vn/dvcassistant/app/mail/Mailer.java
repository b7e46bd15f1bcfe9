package vn.dvcassistant.app.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a plain-text mail in Vietnamese through Micronaut Email (SMTP). Exists only when
 * {@code DVC_SMTP_HOST} is set; callers inject it as optional. Addresses and text are never logged.
 */
@Singleton
@Requires(property = "dvc.smtp.host", pattern = ".+")
public final class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    private final EmailSender<?, ?> sender;
    private final String from;

    Mailer(EmailSender<?, ?> sender, SmtpSettings settings) {
        this.sender = sender;
        this.from = settings.from() == null || settings.from().isBlank() ? "dvc-assistant@localhost" : settings.from();
    }

    /** @return whether the server accepted the mail; a refusal or an outage is reported, not thrown */
    public boolean send(String to, String subject, String text) {
        try {
            sender.send(Email.builder().from(from).to(to).subject(subject).body(text));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("mail_not_sent error={}", e.getClass().getSimpleName());
            return false;
        }
    }
}
