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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.channel.ChannelInbox;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.MalformedPayloadException;
import vn.dvcassistant.channel.WebhookVerification;
import vn.dvcassistant.channel.zalo.ZaloInboundConverter;
import vn.dvcassistant.channel.zalo.ZaloSignatureVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Zalo posts OA events here and wants a 200 within about 2 s, so the event is only verified
 * and queued; the answer is sent in the background. Nothing here blocks, so it runs on the event loop.
 */
@Controller("/webhooks/zalo")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
final class ZaloWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloWebhookController.class);

    private final ZaloChannel zalo;
    private final Duration maxEventAge;

    ZaloWebhookController(ZaloChannel zalo, ZaloSettings settings) {
        this.zalo = zalo;
        this.maxEventAge = settings.maxEventAge();
    }

    /**
     * The body is taken as the exact bytes Zalo sent: the signature covers them byte for byte. Any content
     * type is taken, since what Zalo's console sends with its test event is not documented.
     */
    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header(ZaloSignatureVerifier.HEADER) String signature,
                            @Nullable @Body byte[] body) {
        ZaloSignatureVerifier verifier = zalo.verifier()
                .orElseThrow(() -> Refusal.notFound("not_found"));
        byte[] raw = body == null ? new byte[0] : body;
        if (ZaloTestEvent.isTestEvent(raw)) {
            // Zalo's console posts an unsigned {} when the webhook address is saved and wants a 200.
            LOG.info("zalo_webhook_test_event signed={}", signature != null && !signature.isBlank());
            return HttpResponse.ok();
        }
        WebhookVerification check = verifier.verify(raw, signature);
        if (check != WebhookVerification.VALID) {
            throw Refusal.unauthorized(check == WebhookVerification.MISSING
                    ? "webhook_signature_missing" : "webhook_signature_invalid");
        }
        if (!recent(ZaloInboundConverter.timestamp(raw), Instant.now())) {
            // A valid signature on an old event is a replayed capture; Zalo's own redeliveries come within minutes.
            LOG.warn("zalo_webhook_refused reason=stale_event");
            throw Refusal.unauthorized("webhook_event_stale");
        }
        InboundEvent event;
        try {
            event = zalo.converter().convert(new String(raw, StandardCharsets.UTF_8));
        } catch (MalformedPayloadException e) {
            throw Refusal.invalid("malformed_event");
        }
        if (zalo.inbox().accept(event) == ChannelInbox.Outcome.DROPPED) {
            // A non-2xx makes the platform deliver the update again later instead of it being lost.
            throw Refusal.busy("channel_busy");
        }
        return HttpResponse.ok();
    }

    /** Within the allowed age either way (the sender's clock may run a little ahead of ours). */
    private boolean recent(Optional<Instant> sent, Instant now) {
        return sent.isPresent() && !sent.get().isBefore(now.minus(maxEventAge)) && !sent.get().isAfter(now.plus(maxEventAge));
    }
}
