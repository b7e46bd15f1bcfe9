package vn.dvcassistant.app.channel.telegram;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.channel.ChannelInbox;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.MalformedPayloadException;
import vn.dvcassistant.channel.WebhookVerification;
import vn.dvcassistant.channel.telegram.TelegramSecretVerifier;

/**
 * Telegram posts every update here. The secret is checked before the body is parsed; the update is queued
 * and the 200 goes back without waiting for the answer. Nothing here blocks (no database, no engine), so it
 * runs on the event loop.
 */
@Controller("/webhooks/telegram")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class TelegramWebhookController {

    private final TelegramChannel telegram;

    TelegramWebhookController(TelegramChannel telegram) {
        this.telegram = telegram;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(TelegramSecretVerifier.HEADER) String secret, @Body String body) {
        TelegramSecretVerifier verifier = telegram.webhookVerifier()
                .orElseThrow(() -> Refusal.notFound("not_found"));
        WebhookVerification check = verifier.verify(secret);
        if (check == WebhookVerification.MISSING) {
            throw Refusal.unauthorized("webhook_secret_missing");
        }
        if (check != WebhookVerification.VALID) {
            throw Refusal.forbidden("webhook_secret_invalid");
        }
        InboundEvent event;
        try {
            event = telegram.converter().convert(body);
        } catch (MalformedPayloadException e) {
            throw Refusal.invalid("malformed_update");
        }
        if (telegram.inbox().accept(event) == ChannelInbox.Outcome.DROPPED) {
            // A non-2xx makes the platform deliver the update again later instead of it being lost.
            throw Refusal.busy("channel_busy");
        }
        return HttpResponse.ok();
    }
}
