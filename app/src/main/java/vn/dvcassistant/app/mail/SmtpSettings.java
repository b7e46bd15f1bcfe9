package vn.dvcassistant.app.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code dvc.smtp.*} ({@code DVC_SMTP_HOST}, {@code _PORT}, {@code _USERNAME}, {@code _PASSWORD},
 * {@code _FROM}, {@code _STARTTLS}): the mail server alerts and e-mail answers go through. Mail is off
 * while the host is unset.
 */
@ConfigurationProperties("dvc.smtp")
public record SmtpSettings(@Nullable String host,
                           @Bindable(defaultValue = "25") int port,
                           @Nullable String username,
                           @Nullable String password,
                           @Nullable String from,
                           @Bindable(defaultValue = "false") boolean starttls) {
}
