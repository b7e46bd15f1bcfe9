package vn.dvcassistant.channel.zalo;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.Retrier;
import vn.dvcassistant.channel.Retrier.Outcome;
import vn.dvcassistant.channel.SendResult;

/**
 * Sends answers as Zalo OA consultation messages. Retries HTTP 429 and 5xx with backoff; on error -216
 * (access token expired) refreshes the token once, saves it, and sends again. Never throws for a channel
 * error: the outcome, with the last reason, is in the {@link SendResult}. Blocking; call it from a
 * background executor.
 */
public final class ZaloSender implements ReplySender {

    /** Zalo's "access token is invalid or expired". */
    static final int TOKEN_EXPIRED = -216;

    private final ZaloApiClient client;
    private final ZaloTokenStore tokens;
    private final ZaloRenderer renderer;
    private final Retrier retrier;

    public ZaloSender(ZaloConfig config, ZaloTokenStore tokens) {
        this.client = new ZaloApiClient(config, Clock.systemUTC());
        this.tokens = tokens;
        this.renderer = new ZaloRenderer();
        this.retrier = new Retrier(config.retryPolicy());
    }

    /** Renders and sends to a Zalo user id; a long answer goes as several messages, stopping at the first failure. */
    @Override
    public SendResult send(String userId, Reply reply) {
        List<ZaloOutboundMessage> messages = renderer.render(reply);
        List<String> ids = new ArrayList<>();
        int attempts = 0;
        for (int i = 0; i < messages.size(); i++) {
            String body = renderer.requestBody(userId, messages.get(i));
            Delivery delivery = deliver(body);
            attempts += delivery.attempts;
            if (delivery.failureReason != null) {
                String where = messages.size() > 1 ? "part " + (i + 1) + "/" + messages.size() + ": " : "";
                return SendResult.failed(attempts, where + delivery.failureReason, ids);
            }
            ids.add(delivery.messageId);
        }
        return SendResult.delivered(attempts, ids);
    }

    private record Delivery(String messageId, String failureReason, int attempts) {}

    /** One message: retries, and at most one token refresh followed by one more round of retries. */
    private Delivery deliver(String body) {
        Attempt first = new Attempt(body);
        Retrier.Result<String> result = retrier.run(first::call);
        if (first.rejectedToken == null) {
            return new Delivery(result.value(), result.failureReason(), result.attempts());
        }
        String refreshFailure = refreshReplacing(first.rejectedToken);
        if (refreshFailure != null) {
            return new Delivery(null, refreshFailure, result.attempts());
        }
        Attempt second = new Attempt(body);
        Retrier.Result<String> retried = retrier.run(second::call);
        int attempts = result.attempts() + retried.attempts();
        if (second.rejectedToken != null) {
            return new Delivery(null, "Zalo error " + TOKEN_EXPIRED + ": access token rejected again after refresh",
                    attempts);
        }
        return new Delivery(retried.value(), retried.failureReason(), attempts);
    }

    /**
     * Refreshes unless another sender (a thread here, or another instance through the store) already
     * replaced the rejected token: Zalo's refresh tokens are single use, so two concurrent refreshes
     * would leave the OA without a working token.
     */
    private synchronized String refreshReplacing(String rejectedAccessToken) {
        return tokens.exclusively(() -> {
            ZaloTokens current = tokens.current();
            if (!current.accessToken().equals(rejectedAccessToken)) {
                return null;
            }
            try {
                ZaloApiClient.RefreshResponse response = client.refresh(current.refreshToken());
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
    }

    /** One call with the current token; remembers the token if Zalo said it expired. */
    private final class Attempt {
        private final String body;
        private String rejectedToken;

        Attempt(String body) {
            this.body = body;
        }

        Outcome<String> call() {
            String accessToken = tokens.current().accessToken();
            ZaloApiClient.SendResponse response;
            try {
                response = client.send(accessToken, body);
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
            if (response.error() == 0) {
                return new Outcome.Success<>(response.messageId());
            }
            if (response.error() == TOKEN_EXPIRED) {
                rejectedToken = accessToken;
            }
            return new Outcome.Fail<>("Zalo error " + response.error() + ": " + response.message());
        }
    }
}
