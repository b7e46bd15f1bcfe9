package vn.dvcassistant.channel.telegram;

import java.io.IOException;
import java.time.Duration;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import vn.dvcassistant.channel.Retrier.Outcome;

/** Runs one Bot API call and says whether a failure is worth retrying. */
final class TelegramCall {

    interface ApiCall<T> {
        T execute() throws TelegramApiException;
    }

    private TelegramCall() {}

    static <T> Outcome<T> attempt(ApiCall<T> call) {
        try {
            return new Outcome.Success<>(call.execute());
        } catch (TelegramApiRequestException e) {
            return classify(e);
        } catch (TelegramApiValidationException e) {
            return new Outcome.Fail<>("rejected before sending: " + e.getMessage());
        } catch (TelegramApiException e) {
            if (hasCause(e, IOException.class)) {
                return new Outcome.Retry<>("network error: " + rootMessage(e), null);
            }
            if (hasCause(e, InterruptedException.class)) {
                Thread.currentThread().interrupt();
                return new Outcome.Fail<>("interrupted");
            }
            return new Outcome.Fail<>(e.getMessage());
        }
    }

    private static <T> Outcome<T> classify(TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        if (code == null || code == 0) {
            // The body was not the Bot API's JSON: typically a proxy's HTML error page during an outage.
            return new Outcome.Retry<>("unreadable response: " + rootMessage(e), null);
        }
        String reason = "HTTP " + code + ": " + e.getApiResponse();
        if (code == 429) {
            ResponseParameters parameters = e.getParameters();
            Integer retryAfter = parameters == null ? null : parameters.getRetryAfter();
            return new Outcome.Retry<>(reason, retryAfter == null ? null : Duration.ofSeconds(retryAfter));
        }
        if (code >= 500) {
            return new Outcome.Retry<>(reason, null);
        }
        return new Outcome.Fail<>(reason);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
