package vn.dvcassistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import vn.dvcassistant.channel.WebhookVerification;

/** Checks the X-Telegram-Bot-Api-Secret-Token header against the secret given to setWebhook. */
public final class TelegramSecretVerifier {

    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] expected;

    public TelegramSecretVerifier(String webhookSecret) {
        if (webhookSecret == null || webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required to accept Telegram webhooks");
        }
        this.expected = webhookSecret.getBytes(StandardCharsets.UTF_8);
    }

    public WebhookVerification verify(String headerValue) {
        if (headerValue == null || headerValue.isEmpty()) {
            return WebhookVerification.MISSING;
        }
        // Constant time, so the secret cannot be guessed byte by byte from response timings.
        boolean same = MessageDigest.isEqual(expected, headerValue.getBytes(StandardCharsets.UTF_8));
        return same ? WebhookVerification.VALID : WebhookVerification.INVALID;
    }
}
