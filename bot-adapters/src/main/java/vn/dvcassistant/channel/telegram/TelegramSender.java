package vn.dvcassistant.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplySender;
import vn.dvcassistant.channel.Retrier;
import vn.dvcassistant.channel.SendResult;

/**
 * Sends answers through the Bot API, retrying 429 (after Telegram's retry_after) and 5xx. Never throws for
 * a channel error: the outcome, with the last reason, is in the {@link SendResult}. Blocking; call it from a
 * background executor, not from the webhook request.
 */
public final class TelegramSender implements ReplySender {

    private final TelegramClient client;
    private final TelegramRenderer renderer;
    private final Retrier retrier;

    public TelegramSender(TelegramConfig config) {
        this(TelegramClients.create(config, config.readTimeout()), new TelegramRenderer(), new Retrier(config.retryPolicy()));
    }

    TelegramSender(TelegramClient client, TelegramRenderer renderer, Retrier retrier) {
        this.client = client;
        this.renderer = renderer;
        this.retrier = retrier;
    }

    /** Renders and sends; a long answer goes as several messages, stopping at the first that fails. */
    @Override
    public SendResult send(String chatId, Reply reply) {
        List<SendMessage> messages = renderer.render(chatId, reply);
        List<String> ids = new ArrayList<>();
        int attempts = 0;
        for (int i = 0; i < messages.size(); i++) {
            SendMessage message = messages.get(i);
            Retrier.Result<Message> result = retrier.run(() -> TelegramCall.attempt(() -> client.execute(message)));
            attempts += result.attempts();
            if (!result.succeeded()) {
                String where = messages.size() > 1 ? "part " + (i + 1) + "/" + messages.size() + ": " : "";
                return SendResult.failed(attempts, where + result.failureReason(), ids);
            }
            ids.add(String.valueOf(result.value().getMessageId()));
        }
        return SendResult.delivered(attempts, ids);
    }

    /**
     * Stops the spinner on the pressed button. Telegram wants this within seconds, so call it before the
     * (slower) answer is composed. {@code toast} is shown briefly to the citizen; null shows nothing.
     */
    public SendResult answerCallback(String callbackId, String toast) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(toast).build();
        Retrier.Result<Boolean> result = retrier.run(() -> TelegramCall.attempt(() -> client.execute(answer)));
        return result.succeeded()
                ? SendResult.delivered(result.attempts(), List.of())
                : SendResult.failed(result.attempts(), result.failureReason(), List.of());
    }
}
