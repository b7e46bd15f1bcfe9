package vn.dvcassistant.channel.telegram;

import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** Builds the library's HTTP client pointed at the configured Bot API server. */
final class TelegramClients {

    private TelegramClients() {}

    static TelegramClient create(TelegramConfig config, Duration readTimeout) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(readTimeout)
                .writeTimeout(config.readTimeout())
                .build();
        return new OkHttpTelegramClient(http, config.botToken(), telegramUrl(config.apiBaseUrl()));
    }

    static TelegramUrl telegramUrl(URI base) {
        String scheme = base.getScheme();
        int port = base.getPort() != -1 ? base.getPort() : ("http".equalsIgnoreCase(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, base.getHost(), port, false);
    }
}
