package vn.dvcassistant.app.channel.zalo;

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
import vn.dvcassistant.channel.zalo.ZaloSignatureVerifier;

/**
 * Zalo posts OA events here and wants a 200 within about 2 s, so the event is only verified
 * and queued; the answer is sent in the background. Nothing here blocks, so it runs on the event loop.
 */
@Controller("/webhooks/zalo")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class ZaloWebhookController {

    private final ZaloChannel zalo;

    ZaloWebhookController(ZaloChannel zalo) {
        this.zalo = zalo;
    }

    /** The body is taken as the exact text Zalo sent: the signature covers it byte for byte. */
    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(ZaloSignatureVerifier.HEADER) String signature, @Body String body) {
        ZaloSignatureVerifier verifier = zalo.verifier()
                .orElseThrow(() -> Refusal.notFound("not_found"));
        WebhookVerification check = verifier.verify(body, signature);
        if (check != WebhookVerification.VALID) {
            throw Refusal.unauthorized(check == WebhookVerification.MISSING
                    ? "webhook_signature_missing" : "webhook_signature_invalid");
        }
        InboundEvent event;
        try {
            event = zalo.converter().convert(body);
        } catch (MalformedPayloadException e) {
            throw Refusal.invalid("malformed_event");
        }
        if (zalo.inbox().accept(event) == ChannelInbox.Outcome.DROPPED) {
            // A non-2xx makes the platform deliver the update again later instead of it being lost.
            throw Refusal.busy("channel_busy");
        }
        return HttpResponse.ok();
    }
}
