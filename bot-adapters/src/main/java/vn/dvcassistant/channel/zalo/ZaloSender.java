package vn.dvcassistant.channel.zalo;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.Retrier;
import vn.dvcassistant.channel.Retrier.Outcome;
import vn.dvcassistant.channel.SendResult;

/**
 * Sends answers as Zalo OA consultation messages, and template messages. Retries HTTP 429 and 5xx, and
 * Zalo's rate limit (-32) and transient error (-100), which come in a 200 body, with backoff. The access
 * token is refreshed ahead of the expiry Zalo gave ({@link ZaloConfig#tokenRefreshMargin()}), and once
 * when Zalo rejects it (-216, -220, -124), then the message is sent again. Any other Zalo error is final
 * for that message. Never throws for a channel error: the outcome, with the last reason, is in the
 * {@link SendResult}. Blocking; call it from a background executor.
 */
public final class ZaloSender implements ReplySender {

    private final ZaloApiClient client;
    private final ZaloTokenStore tokens;
    private final ZaloRenderer renderer;
    private final Retrier retrier;
    private final ZaloConfig config;
    private final Clock clock;

    public ZaloSender(ZaloConfig config, ZaloTokenStore tokens) {
        this(config, tokens, Clock.systemUTC());
    }

    public ZaloSender(ZaloConfig config, ZaloTokenStore tokens, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = new ZaloApiClient(config, clock);
        this.tokens = tokens;
        this.renderer = new ZaloRenderer();
        this.retrier = new Retrier(config.retryPolicy());
    }

    /** Renders and sends to a Zalo user id; a long answer goes as several messages, stopping at the first failure. */
    @Override
    public SendResult send(String userId, Reply reply) {
        return deliver(userId, reply).result();
    }

    /** As {@link #send}, with the Zalo error code of a failure. */
    public ZaloSendOutcome deliver(String userId, Reply reply) {
        List<ZaloOutboundMessage> messages = renderer.render(reply);
        List<String> ids = new ArrayList<>();
        int attempts = 0;
        for (int i = 0; i < messages.size(); i++) {
            Delivery delivery = deliver(new Attempt(renderer.requestBody(userId, messages.get(i)), false));
            attempts += delivery.attempts;
            if (delivery.failureReason != null) {
                String where = messages.size() > 1 ? "part " + (i + 1) + "/" + messages.size() + ": " : "";
                return new ZaloSendOutcome(SendResult.failed(attempts, where + delivery.failureReason, ids),
                        delivery.zaloError);
            }
            if (delivery.messageId != null) {
                ids.add(delivery.messageId);
            }
        }
        return new ZaloSendOutcome(SendResult.delivered(attempts, ids), null);
    }

    /** A template message to a Zalo user id, posted to {@link ZaloConfig#templateUrl()}. */
    public ZaloSendOutcome sendTemplate(String userId, ZaloTemplateMessage message) {
        Delivery delivery = deliver(new Attempt(message.requestBody(userId), true));
        SendResult result = delivery.failureReason == null
                ? SendResult.delivered(delivery.attempts,
                delivery.messageId == null ? List.of() : List.of(delivery.messageId))
                : SendResult.failed(delivery.attempts, "template message: " + delivery.failureReason, List.of());
        return new ZaloSendOutcome(result, delivery.zaloError);
    }

    /**
     * Refreshes the tokens now if {@code stillNeeded} says so once no other sender is refreshing (it is
     * asked again under the store's lock, so instances that decide at the same moment refresh once).
     *
     * @return null when refreshed or not needed any more, else why the refresh failed
     */
    public String refreshIf(BooleanSupplier stillNeeded) {
        return refreshExclusively(stillNeeded);
    }

    private record Delivery(String messageId, String failureReason, int attempts, Integer zaloError) {}

    /**
     * One message: a refresh first when the token is about to expire, then retries, and at most one
     * refresh after a rejected token followed by one more round of retries.
     */
    private Delivery deliver(Attempt first) {
        if (expiring(tokens.current())) {
            // A failed refresh is recorded by the store; the token may still work until it expires.
            refreshExclusively(() -> expiring(tokens.current()));
        }
        Retrier.Result<String> result = retrier.run(first::call);
        if (first.rejectedToken == null) {
            return new Delivery(result.value(), result.failureReason(), result.attempts(), first.zaloError);
        }
        String rejected = first.rejectedToken;
        String refreshFailure = refreshExclusively(() -> tokens.current().accessToken().equals(rejected));
        if (refreshFailure != null) {
            return new Delivery(null, refreshFailure, result.attempts(), null);
        }
        Attempt second = first.again();
        Retrier.Result<String> retried = retrier.run(second::call);
        int attempts = result.attempts() + retried.attempts();
        if (second.rejectedToken != null) {
            return new Delivery(null, "Zalo error " + second.zaloError + ": access token rejected again after refresh",
                    attempts, second.zaloError);
        }
        return new Delivery(retried.value(), retried.failureReason(), attempts, second.zaloError);
    }

    private boolean expiring(ZaloTokens current) {
        return current.expiresAt() != null
                && !clock.instant().plus(config.tokenRefreshMargin()).isBefore(current.expiresAt());
    }

    /**
     * Refreshes while no other sender does (a thread here, or another instance through the store), and
     * only if {@code stillNeeded} once the lock is held: Zalo's refresh tokens are single use, so two
     * concurrent refreshes would leave the OA without a working token.
     */
    private synchronized String refreshExclusively(BooleanSupplier stillNeeded) {
        String failure = tokens.exclusively(() -> {
            if (!stillNeeded.getAsBoolean()) {
                return null;
            }
            try {
                ZaloApiClient.RefreshResponse response = client.refresh(tokens.current().refreshToken());
                if (response.tokens() == null) {
                    return response.failureReason();
                }
                tokens.save(response.tokens());
                return null;
            } catch (IOException e) {
                return "token refresh failed: " + e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while refreshing the access token";
            }
        });
        if (failure != null) {
            tokens.refreshFailed(failure);
        }
        return failure;
    }

    /** One call with the current token; remembers the token if Zalo rejected it, and Zalo's error. */
    private final class Attempt {
        private final String body;
        private final boolean template;
        private String rejectedToken;
        private Integer zaloError;

        Attempt(String body, boolean template) {
            this.body = body;
            this.template = template;
        }

        Attempt again() {
            return new Attempt(body, template);
        }

        Outcome<String> call() {
            String accessToken = tokens.current().accessToken();
            ZaloApiClient.SendResponse response;
            try {
                response = template ? client.sendTemplate(accessToken, body) : client.send(accessToken, body);
            } catch (IOException e) {
                return new Outcome.Retry<>("network error: " + e, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome.Fail<>("interrupted");
            }
            int status = response.httpStatus();
            if (status == 429 || status >= 500) {
                return new Outcome.Retry<>("HTTP " + status + ": " + response.message(), null);
            }
            if (status != 200 || response.error() == null) {
                return new Outcome.Fail<>("HTTP " + status + ": " + response.message());
            }
            int error = response.error();
            if (error == 0) {
                zaloError = null;
                return new Outcome.Success<>(response.messageId());
            }
            zaloError = error;
            String reason = ZaloErrors.reason(error, response.message());
            if (ZaloErrors.RETRYABLE.contains(error)) {
                return new Outcome.Retry<>(reason, null);
            }
            if (ZaloErrors.TOKEN_REJECTED.contains(error)) {
                rejectedToken = accessToken;
            }
            return new Outcome.Fail<>(reason);
        }
    }
}
