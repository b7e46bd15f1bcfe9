package vn.dvcassistant.app.channel.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import vn.dvcassistant.channel.RetryPolicy;
import vn.dvcassistant.channel.telegram.TelegramConfig;

import java.net.URI;
import java.time.Duration;

/**
 * The Telegram channel (section {@code channels.telegram}); off while the bot token is blank.
 *
 * @param botToken       TELEGRAM_BOT_TOKEN, from @BotFather
 * @param webhookSecret  TELEGRAM_WEBHOOK_SECRET, 1-256 of A-Z a-z 0-9 _ -; required in webhook mode
 * @param botUsername    TELEGRAM_BOT_USERNAME without @, to notice mentions in groups
 * @param mode           TELEGRAM_MODE: webhook (Telegram posts to /webhooks/telegram) or polling (no public HTTPS)
 * @param webhookUrl     TELEGRAM_WEBHOOK_URL: when set, setWebhook is called with it (and the secret) on start
 * @param apiUrl         TELEGRAM_API_URL: the public Bot API or a self-hosted Bot API server
 * @param workers        threads that answer Telegram updates
 * @param queueCapacity  updates waiting for a worker; beyond it an update is dropped and recorded
 */
@ConfigurationProperties("channels.telegram")
public record TelegramSettings(
        @Nullable String botToken,
        @Nullable String webhookSecret,
        @Nullable String botUsername,
        @Bindable(defaultValue = "webhook") String mode,
        @Nullable String webhookUrl,
        @Bindable(defaultValue = TelegramConfig.DEFAULT_API_BASE_URL) String apiUrl,
        @Bindable(defaultValue = "4") int workers,
        @Bindable(defaultValue = "1000") int queueCapacity,
        @Bindable(defaultValue = "4") int retryMaxAttempts,
        @Bindable(defaultValue = "500ms") Duration retryInitialBackoff,
        @Bindable(defaultValue = "8s") Duration retryMaxBackoff,
        @Bindable(defaultValue = "30s") Duration retryMaxRetryAfter,
        @Bindable(defaultValue = "50s") Duration longPollTimeout) {

    public static final String WEBHOOK = "webhook";
    public static final String POLLING = "polling";

    public boolean enabled() {
        return present(botToken);
    }

    public boolean polling() {
        return POLLING.equalsIgnoreCase(mode.strip());
    }

    /** The library's configuration; throws IllegalArgumentException with the reason when a value is wrong. */
    TelegramConfig toConfig() {
        if (!WEBHOOK.equalsIgnoreCase(mode.strip()) && !polling()) {
            throw new IllegalArgumentException("channels.telegram.mode (TELEGRAM_MODE) must be webhook or polling, got "
                    + mode);
        }
        if (!polling() && !present(webhookSecret)) {
            throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET is required in webhook mode: without it anyone "
                    + "could post fake updates");
        }
        return new TelegramConfig(botToken.strip(), present(webhookSecret) ? webhookSecret.strip() : null,
                present(botUsername) ? botUsername.strip() : null, URI.create(apiUrl.strip()),
                Duration.ofSeconds(5), Duration.ofSeconds(15), longPollTimeout,
                new RetryPolicy(retryMaxAttempts, retryInitialBackoff, retryMaxBackoff, retryMaxRetryAfter));
    }

    static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
