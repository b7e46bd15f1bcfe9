package vn.dvcassistant.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.dvcassistant.channel.RetryPolicy;

/**
 * Settings of one Telegram bot.
 *
 * @param botToken             token from @BotFather ("123456:ABC..."); the part before ':' is the bot's user id
 * @param webhookSecret        secret_token given to setWebhook; Telegram echoes it in X-Telegram-Bot-Api-Secret-Token
 * @param botUsername          the bot's @username without '@', to notice mentions in groups
 * @param apiBaseUrl           Bot API server, {@value #DEFAULT_API_BASE_URL} or a self-hosted one (scheme, host
 *                             and port only: the client library takes no path prefix)
 * @param connectTimeout       TCP connect timeout
 * @param readTimeout          read timeout of ordinary calls
 * @param longPollTimeout      how long one getUpdates call waits on the server for updates
 * @param retryPolicy          retries on 429 and 5xx
 */
public record TelegramConfig(
        String botToken,
        String webhookSecret,
        String botUsername,
        URI apiBaseUrl,
        Duration connectTimeout,
        Duration readTimeout,
        Duration longPollTimeout,
        RetryPolicy retryPolicy) {

    public static final String DEFAULT_API_BASE_URL = "https://api.telegram.org";

    private static final Pattern TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]+");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    public TelegramConfig {
        Objects.requireNonNull(botToken, "botToken");
        if (!TOKEN.matcher(botToken).matches()) {
            throw new IllegalArgumentException("Telegram bot token must look like 123456:ABC-def");
        }
        if (webhookSecret != null && !SECRET.matcher(webhookSecret).matches()) {
            throw new IllegalArgumentException("Telegram webhook secret must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        if (botUsername != null && botUsername.startsWith("@")) {
            botUsername = botUsername.substring(1);
        }
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        if (apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("apiBaseUrl needs a scheme and a host: " + apiBaseUrl);
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(longPollTimeout, "longPollTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
    }

    /** Public Bot API, 5 s connect, 15 s read, 50 s long polls, default retries. */
    public static TelegramConfig of(String botToken, String webhookSecret, String botUsername) {
        return new TelegramConfig(botToken, webhookSecret, botUsername, URI.create(DEFAULT_API_BASE_URL),
                Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(50), RetryPolicy.DEFAULT);
    }

    public TelegramConfig withApiBaseUrl(URI url) {
        return new TelegramConfig(botToken, webhookSecret, botUsername, url, connectTimeout, readTimeout,
                longPollTimeout, retryPolicy);
    }

    public TelegramConfig withRetryPolicy(RetryPolicy policy) {
        return new TelegramConfig(botToken, webhookSecret, botUsername, apiBaseUrl, connectTimeout, readTimeout,
                longPollTimeout, policy);
    }

    public TelegramConfig withLongPollTimeout(Duration timeout) {
        return new TelegramConfig(botToken, webhookSecret, botUsername, apiBaseUrl, connectTimeout, readTimeout,
                timeout, retryPolicy);
    }

    /** The bot's own user id, to recognise replies to its messages. */
    public long botId() {
        return Long.parseLong(botToken.substring(0, botToken.indexOf(':')));
    }

    @Override
    public String toString() {
        return "TelegramConfig[bot=" + botUsername + ", apiBaseUrl=" + apiBaseUrl + "]";
    }
}
