package vn.dvcassistant.app.channel.telegram;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.channel.ChannelConversation;
import vn.dvcassistant.app.channel.ChannelDeliveries;
import vn.dvcassistant.app.channel.ChannelInbox;
import vn.dvcassistant.app.channel.ChannelStatus;
import vn.dvcassistant.app.channel.ChannelWorkers;
import vn.dvcassistant.app.channel.OutboundChannel;
import vn.dvcassistant.app.channel.ReplyDelivery;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.SendResult;
import vn.dvcassistant.channel.telegram.TelegramConfig;
import vn.dvcassistant.channel.telegram.TelegramInboundConverter;
import vn.dvcassistant.channel.telegram.TelegramLongPolling;
import vn.dvcassistant.channel.telegram.TelegramSecretVerifier;
import vn.dvcassistant.channel.telegram.TelegramSender;
import vn.dvcassistant.channel.telegram.TelegramWebhookRegistration;

import java.util.Optional;

/**
 * The Telegram bot, when TELEGRAM_BOT_TOKEN is set: receives updates (webhook or long polling), answers
 * them on its own workers, and registers the webhook on start when TELEGRAM_WEBHOOK_URL is set. Created
 * at start-up so a wrong setting stops the service at once and the update parser is warm before the
 * first webhook.
 */
@Context
public class TelegramChannel implements OutboundChannel {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramChannel.class);

    private final TelegramSettings settings;
    private final ChannelConversation conversation;
    private final ReplyDelivery delivery;
    private final Running running;
    private TelegramLongPolling polling;

    /** Everything that exists only while the channel is on. */
    private record Running(TelegramConfig config, TelegramSecretVerifier verifier, TelegramInboundConverter converter,
                           TelegramSender sender, ChannelWorkers workers, ChannelInbox inbox) {
    }

    TelegramChannel(TelegramSettings settings, ChannelConversation conversation, ReplyDelivery delivery,
                    ChannelDeliveries deliveries, ChannelStatus status, Messages messages) {
        this.settings = settings;
        this.conversation = conversation;
        this.delivery = delivery;
        if (!settings.enabled()) {
            this.running = null;
            return;
        }
        TelegramConfig config = settings.toConfig();
        ChannelWorkers workers = new ChannelWorkers("telegram", settings.workers(), settings.queueCapacity());
        TelegramSender sender = new TelegramSender(config);
        this.running = new Running(config,
                config.webhookSecret() == null ? null : new TelegramSecretVerifier(config.webhookSecret()),
                new TelegramInboundConverter(config), sender, workers,
                new ChannelInbox(Channel.TELEGRAM, deliveries, workers, status, this::process, sender,
                        messages.get("error.service_unavailable")));
        status.started(Channel.TELEGRAM, settings.polling() ? TelegramSettings.POLLING : TelegramSettings.WEBHOOK,
                workers::queued);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (running == null) {
            return;
        }
        if (settings.polling()) {
            polling = new TelegramLongPolling(running.config());
            polling.start(running.inbox()::accept);
            LOG.info("telegram_channel=on mode=polling api={}", running.config().apiBaseUrl());
            return;
        }
        LOG.info("telegram_channel=on mode=webhook api={}", running.config().apiBaseUrl());
        if (TelegramSettings.present(settings.webhookUrl())) {
            String url = settings.webhookUrl().strip();
            running.workers().submit(() -> {
                SendResult result = new TelegramWebhookRegistration(running.config()).register(url);
                if (result.delivered()) {
                    LOG.info("telegram_webhook_registered url={}", url);
                } else {
                    LOG.error("telegram_webhook_not_registered url={} reason={}", url, result.failureReason());
                }
            });
        }
    }

    /** Present while the channel is on and in webhook mode. */
    Optional<TelegramSecretVerifier> webhookVerifier() {
        return running == null || settings.polling() ? Optional.empty() : Optional.ofNullable(running.verifier());
    }

    TelegramInboundConverter converter() {
        return running.converter();
    }

    ChannelInbox inbox() {
        return running.inbox();
    }

    /** Runs on a worker: decide, acknowledge a button press, send. */
    private void process(InboundEvent event) {
        ChannelConversation.Response response = conversation.respond(event);
        if (event.type() == InboundType.BUTTON && event.callbackId() != null) {
            SendResult ack = running.sender().answerCallback(event.callbackId(), response.toast());
            if (!ack.delivered()) {
                LOG.warn("telegram_callback_not_answered delivery={} reason={}", event.deliveryId(), ack.failureReason());
            }
        }
        delivery.deliver(Channel.TELEGRAM, event.deliveryId(), event.chatId(), response.messages(), running.sender(),
                response.exchangeId());
    }

    /** The sender, for the comment answers outbox; empty while the channel is off. */
    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Optional<TelegramSender> sender() {
        return Optional.ofNullable(running).map(Running::sender);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.close();
        }
        if (running != null) {
            running.workers().close();
        }
    }
}
