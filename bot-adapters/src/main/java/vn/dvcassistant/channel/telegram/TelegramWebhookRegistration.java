package vn.dvcassistant.channel.telegram;

import java.util.List;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.dvcassistant.channel.Retrier;
import vn.dvcassistant.channel.SendResult;

/** Tells Telegram where to post updates, with the secret it must echo back. Run once at start-up. */
public final class TelegramWebhookRegistration {

    /** Only what the engine handles, so Telegram does not post (and bill our 200s for) the rest. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");

    private final TelegramConfig config;
    private final TelegramClient client;
    private final Retrier retrier;

    public TelegramWebhookRegistration(TelegramConfig config) {
        this.config = config;
        this.client = TelegramClients.create(config, config.readTimeout());
        this.retrier = new Retrier(config.retryPolicy());
    }

    /** @param publicUrl the HTTPS address of the app's Telegram webhook endpoint */
    public SendResult register(String publicUrl) {
        if (config.webhookSecret() == null) {
            return SendResult.failed(0, "no webhook secret configured: refusing to register an unauthenticated webhook",
                    List.of());
        }
        SetWebhook setWebhook = SetWebhook.builder()
                .url(publicUrl)
                .secretToken(config.webhookSecret())
                .allowedUpdates(ALLOWED_UPDATES)
                .build();
        Retrier.Result<Boolean> result = retrier.run(() -> TelegramCall.attempt(() -> client.execute(setWebhook)));
        return result.succeeded()
                ? SendResult.delivered(result.attempts(), List.of())
                : SendResult.failed(result.attempts(), result.failureReason(), List.of());
    }
}
