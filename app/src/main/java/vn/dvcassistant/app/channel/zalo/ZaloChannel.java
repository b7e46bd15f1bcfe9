package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.Context;
import io.micronaut.transaction.TransactionOperations;
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
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.zalo.ZaloConfig;
import vn.dvcassistant.channel.zalo.ZaloInboundConverter;
import vn.dvcassistant.channel.zalo.ZaloSender;
import vn.dvcassistant.channel.zalo.ZaloSignatureVerifier;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Zalo Official Account, when ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY are set: verifies
 * and queues webhook events, answers them on its own workers with the OA's tokens from PostgreSQL.
 */
@Context
public class ZaloChannel implements OutboundChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloChannel.class);

    private final ChannelConversation conversation;
    private final ReplyDelivery delivery;
    private final Running running;

    private record Running(ZaloSignatureVerifier verifier, ZaloInboundConverter converter, ZaloSender sender,
                           ChannelWorkers workers, ChannelInbox inbox) {
    }

    ZaloChannel(ZaloSettings settings, ChannelConversation conversation, ReplyDelivery delivery,
                ChannelDeliveries deliveries, ChannelStatus status, TransactionOperations<Connection> transactions,
                Messages messages) {
        this.conversation = conversation;
        this.delivery = delivery;
        if (!settings.enabled()) {
            this.running = null;
            return;
        }
        ZaloConfig config = settings.toConfig();
        DatabaseZaloTokenStore tokens = new DatabaseZaloTokenStore(transactions);
        if (ZaloSettings.present(settings.accessToken()) && ZaloSettings.present(settings.refreshToken())) {
            tokens.seed(settings.accessToken().strip(), settings.refreshToken().strip());
        }
        if (!tokens.hasTokens()) {
            LOG.error("zalo_channel=no_tokens: events are received but no answer can be sent until "
                    + "ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN are set");
        }
        ChannelWorkers workers = new ChannelWorkers("zalo", settings.workers(), settings.queueCapacity());
        ZaloSender sender = new ZaloSender(config, tokens);
        this.running = new Running(new ZaloSignatureVerifier(config.oaSecretKey()), new ZaloInboundConverter(),
                sender, workers, new ChannelInbox(Channel.ZALO, deliveries, workers, status, this::process, sender,
                        messages.get("error.service_unavailable")));
        status.started(Channel.ZALO, "webhook", workers::queued);
        LOG.info("zalo_channel=on api={} oauth={}", config.apiBaseUrl(), config.oauthBaseUrl());
    }

    Optional<ZaloSignatureVerifier> verifier() {
        return Optional.ofNullable(running).map(Running::verifier);
    }

    ZaloInboundConverter converter() {
        return running.converter();
    }

    ChannelInbox inbox() {
        return running.inbox();
    }

    /** The sender, for the comment answers outbox; empty while the channel is off. */
    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public Optional<ZaloSender> sender() {
        return Optional.ofNullable(running).map(Running::sender);
    }

    /** Runs on a worker. Zalo has no callback acknowledgement, so a button's toast goes as a message. */
    private void process(InboundEvent event) {
        ChannelConversation.Response response = conversation.respond(event);
        List<Reply> messages = new ArrayList<>();
        if (response.toast() != null) {
            messages.add(Reply.text(response.toast()));
        }
        messages.addAll(response.messages());
        delivery.deliver(Channel.ZALO, event.deliveryId(), event.chatId(), messages, running.sender(),
                response.exchangeId());
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.workers().close();
        }
    }
}
