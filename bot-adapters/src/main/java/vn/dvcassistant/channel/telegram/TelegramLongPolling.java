package vn.dvcassistant.channel.telegram;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.Retrier;
import vn.dvcassistant.channel.RetryPolicy;

/**
 * Pulls updates with getUpdates, for deployments without a public HTTPS address. Each update is converted
 * and handed to the consumer on the polling thread, so the consumer should only enqueue work.
 *
 * <p>Telegram refuses getUpdates while a webhook is set, so {@link #start} deletes the webhook first.
 */
public final class TelegramLongPolling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramLongPolling.class);
    private static final int BATCH = 100;

    private final TelegramConfig config;
    private final TelegramClient client;
    private final TelegramInboundConverter converter;
    private final RetryPolicy retryPolicy;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile long nextOffset;

    public TelegramLongPolling(TelegramConfig config) {
        this.config = config;
        // The server holds each call up to longPollTimeout, so reading must wait longer than that.
        this.client = TelegramClients.create(config, config.longPollTimeout().plus(config.readTimeout()));
        this.converter = new TelegramInboundConverter(config);
        this.retryPolicy = config.retryPolicy();
    }

    public synchronized void start(Consumer<InboundEvent> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (running) {
            throw new IllegalStateException("already polling");
        }
        running = true;
        thread = new Thread(() -> run(consumer), "telegram-long-polling");
        thread.setDaemon(true);
        thread.start();
    }

    /** The offset the next getUpdates will ask for (last update id handled + 1). */
    public long nextOffset() {
        return nextOffset;
    }

    private void run(Consumer<InboundEvent> consumer) {
        Retrier.Result<Boolean> deleted = new Retrier(retryPolicy).run(() ->
                TelegramCall.attempt(() -> client.execute(DeleteWebhook.builder().dropPendingUpdates(false).build())));
        if (!deleted.succeeded()) {
            LOG.warn("Could not delete the Telegram webhook before polling: {}", deleted.failureReason());
        }
        int failures = 0;
        while (running) {
            GetUpdates request = GetUpdates.builder()
                    .offset((int) nextOffset)
                    .limit(BATCH)
                    .timeout((int) config.longPollTimeout().toSeconds())
                    .allowedUpdates(TelegramWebhookRegistration.ALLOWED_UPDATES)
                    .build();
            var outcome = TelegramCall.attempt(() -> client.execute(request));
            if (!running) {
                break;
            }
            if (outcome instanceof Retrier.Outcome.Success<java.util.ArrayList<Update>> success) {
                failures = 0;
                handle(success.value(), consumer);
            } else {
                failures++;
                LOG.warn("Telegram getUpdates failed ({} in a row): {}", failures, reason(outcome));
                pause(retryPolicy.backoff(Math.min(failures, 10)).toMillis());
            }
        }
    }

    private void handle(List<Update> updates, Consumer<InboundEvent> consumer) {
        for (Update update : updates) {
            try {
                consumer.accept(converter.convert(update));
            } catch (RuntimeException e) {
                // One bad update must not block the queue: Telegram would resend it forever.
                LOG.error("Dropping Telegram update {} that could not be handled", update.getUpdateId(), e);
            }
            nextOffset = Math.max(nextOffset, update.getUpdateId() + 1L);
        }
    }

    private static String reason(Retrier.Outcome<?> outcome) {
        if (outcome instanceof Retrier.Outcome.Retry<?> retry) {
            return retry.reason();
        }
        return ((Retrier.Outcome.Fail<?>) outcome).reason();
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        Thread polling = thread;
        if (polling != null) {
            polling.interrupt();
            try {
                polling.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
