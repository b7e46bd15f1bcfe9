package vn.dvcassistant.app.channel.zalo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
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
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.channel.zalo.ZaloConfig;
import vn.dvcassistant.channel.zalo.ZaloInboundConverter;
import vn.dvcassistant.channel.zalo.ZaloSender;
import vn.dvcassistant.channel.zalo.ZaloSignatureVerifier;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Zalo Official Account, when ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY are set: verifies
 * and queues webhook events, answers them on its own workers with the OA's tokens from PostgreSQL.
 */
@Context
public class ZaloChannel implements OutboundChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloChannel.class);

    private final ChannelConversation conversation;
    private final ReplyDelivery delivery;
    private final ZaloChatWindow window;
    private final ApplicationEventPublisher<ZaloCitizenWrote> events;
    private final Running running;

    /** What a citizen sends; follow and unfollow are not messages. */
    private static final Set<InboundType> OPENS_WINDOW = Set.of(InboundType.TEXT, InboundType.BUTTON,
            InboundType.UNSUPPORTED);

    private record Running(ZaloSignatureVerifier verifier, ZaloInboundConverter converter, ZaloSender sender,
                           ChannelWorkers workers, ChannelInbox inbox, DatabaseZaloTokenStore tokens,
                           ZaloTokenKeeper keeper) {
    }

    ZaloChannel(ZaloSettings settings, ChannelConversation conversation, ReplyDelivery delivery,
                ChannelDeliveries deliveries, ChannelStatus status, TransactionOperations<Connection> transactions,
                Messages messages, ZaloChatWindow window, ApplicationEventPublisher<ZaloCitizenWrote> events) {
        this.conversation = conversation;
        this.delivery = delivery;
        this.window = window;
        this.events = events;
        if (!settings.enabled()) {
            this.running = null;
            return;
        }
        ZaloConfig config = settings.toConfig();
        DatabaseZaloTokenStore tokens = new DatabaseZaloTokenStore(transactions, settings.tokenCipher());
        if (ZaloSettings.present(settings.accessToken()) && ZaloSettings.present(settings.refreshToken())) {
            tokens.seed(settings.accessToken().strip(), settings.refreshToken().strip());
        } else {
            tokens.encryptPlainTokens();
        }
        if (!tokens.hasTokens()) {
            LOG.error("zalo_channel=no_tokens: events are received but no answer can be sent until "
                    + "ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN are set");
        }
        ChannelWorkers workers = new ChannelWorkers("zalo", settings.workers(), settings.queueCapacity());
        ZaloSender sender = new ZaloSender(config, tokens);
        this.running = new Running(new ZaloSignatureVerifier(config.oaSecretKey()), new ZaloInboundConverter(),
                sender, workers, new ChannelInbox(Channel.ZALO, deliveries, workers, status, this::process, sender,
                        messages.get("error.service_unavailable")), tokens,
                new ZaloTokenKeeper(sender, tokens, config.tokenRefreshMargin(), settings.tokenMaxAge(),
                        Clock.systemUTC()));
        status.started(Channel.ZALO, "webhook", workers::queued);
        status.addDetails(Channel.ZALO, () -> {
            ZaloTokenStatus token = tokens.status();
            return token == null ? Map.of("tokenAlert", true) : token.healthDetails(Instant.now());
        });
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

    /**
     * Runs on a worker. The citizen's message opens Zalo's window for consultation messages, so its time
     * is kept first; once the reply is sent, answers to their comments kept for this moment follow.
     */
    private void process(InboundEvent event) {
        boolean fromCitizen = OPENS_WINDOW.contains(event.type());
        if (fromCitizen) {
            window.messageReceived(event.chatId());
        }
        ChannelConversation.Response response = conversation.respond(event);
        delivery.deliver(Channel.ZALO, event.deliveryId(), event.chatId(), withToast(response), running.sender(),
                response.exchangeId());
        if (fromCitizen) {
            events.publishEvent(new ZaloCitizenWrote(event.chatId()));
        }
    }

    /**
     * Zalo has no callback acknowledgement, so a button's toast is said in a message; in the first one of the
     * reply rather than one of its own, which would be one more message in the window for nothing.
     */
    static List<Reply> withToast(ChannelConversation.Response response) {
        List<Reply> messages = new ArrayList<>(response.messages());
        if (response.toast() == null) {
            return messages;
        }
        if (messages.isEmpty()) {
            messages.add(Reply.text(response.toast()));
        } else {
            Reply first = messages.get(0);
            List<ReplyPart> parts = new ArrayList<>();
            parts.add(new ReplyPart.Paragraph(response.toast()));
            parts.addAll(first.parts());
            messages.set(0, new Reply(parts, first.buttonRows()));
        }
        return messages;
    }

    /** Keeps the tokens alive while the OA is idle; see {@link ZaloTokenKeeper}. */
    @Scheduled(fixedDelay = "${channels.zalo.token-check-interval:30m}",
            initialDelay = "${channels.zalo.token-check-interval:30m}")
    void keepTokens() {
        if (running == null) {
            return;
        }
        try {
            running.keeper().check();
        } catch (RuntimeException e) {
            // The database may be out of reach; the next round tries again.
            LOG.warn("zalo_token_check_failed error={}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (running != null) {
            running.workers().close();
        }
    }
}
