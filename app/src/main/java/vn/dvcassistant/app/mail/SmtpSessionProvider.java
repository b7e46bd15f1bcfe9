package vn.dvcassistant.app.mail;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/** The Jakarta Mail session of Micronaut Email, built from {@link SmtpSettings} (only when a host is set). */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(property = "dvc.smtp.host", pattern = ".+")
final class SmtpSessionProvider implements SessionProvider {

    private final Session session;

    SmtpSessionProvider(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
        boolean auth = settings.username() != null && !settings.username().isBlank();
        properties.put("mail.smtp.auth", String.valueOf(auth));
        this.session = auth ? Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        }) : Session.getInstance(properties);
    }

    @Override
    public Session session() {
        return session;
    }
}
