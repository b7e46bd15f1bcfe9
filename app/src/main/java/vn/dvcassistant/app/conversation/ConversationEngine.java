package vn.dvcassistant.app.conversation;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.privacy.PersonalDataEraser;
import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.channel.Channel;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Answers one message: reads the session, lets the {@link IntentChain} decide the reply, and stores the
 * exchange with the session's new state. Holds no state between messages: everything it remembers is in PostgreSQL,
 * so any instance can answer any session.
 */
@Singleton
public class ConversationEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConversationEngine.class);

    private final IntentChain intents;
    private final SessionRepository sessions;
    private final ConversationStore store;
    private final ConnectionOperations<Connection> connections;
    private final ConversationMetrics metrics;
    private final Messages messages;
    private final PersonalDataEraser eraser;
    private final ModelAnswerComposer model;

    ConversationEngine(IntentChain intents, SessionRepository sessions, ConversationStore store,
                       ConnectionOperations<Connection> connections, ConversationMetrics metrics, Messages messages,
                       PersonalDataEraser eraser, ModelAnswerComposer model) {
        this.intents = intents;
        this.sessions = sessions;
        this.store = store;
        this.connections = connections;
        this.metrics = metrics;
        this.messages = messages;
        this.eraser = eraser;
        this.model = model;
    }

    /**
     * Not one transaction: the session is read and the reply decided on one connection; the exchange
     * and the session's new state are then stored together with other conversations' (see
     * {@link ConversationStore}), with no connection held while that commits. A comment submitted or
     * data erased along the way commit in their own transactions.
     */
    public ChatReply handle(IncomingMessage message) {
        long start = System.nanoTime();
        String key = SessionKeys.of(message.channel(), message.sessionId());
        Turn turn = connections.execute(ConnectionDefinition.DEFAULT, status -> {
            ConversationSession opened = store.open(status.getConnection(), key, message.channel());
            return new Turn(opened, intents.decide(new Inquiry(message, opened)));
        });
        ConversationSession session = turn.session();
        // After the connection is given back: with a language model configured, composing may take seconds.
        Decision decision = model.enabled() ? model.recompose(turn.decision(), message.text(), key) : turn.decision();
        if (decision.consent() != null) {
            session = session.withConsent(decision.consent(), Instant.now());
        }
        boolean firstReply = !session.noticeShown();
        boolean askConsent = firstReply && ConversationSession.CONSENT_UNKNOWN.equals(session.consent());

        Instant now = Instant.now();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        Exchange exchange = new Exchange(UUID.randomUUID(), key, message.channel().code(),
                PersonalDataMasker.mask(message.text()), decision.kind().wire(), decision.topicId(),
                decision.confidence(), (int) latency.toMillis(), false, now);
        ChatReply.SatisfactionPrompt prompt = decision.satisfactionPrompt();
        if (prompt != null && session.satisfactionOffered(prompt.topicId())) {
            prompt = null; // asked once per procedure and conversation, not after every answer about it
        }
        store.record(exchange, session.afterExchange(exchange, askConsent, decision.awaitComment()),
                prompt == null ? null : prompt.topicId());
        if (decision.erase()) {
            // After the exchange is stored, so this very message is erased too.
            eraser.erase(key, message.channel().code(), message.sessionId(), "citizen");
        }
        metrics.record(decision.kind(), message.channel(), Duration.ofNanos(System.nanoTime() - start));
        // Never the question itself: it may hold personal data the masking did not recognise.
        LOG.info("exchange kind={} topic={} confidence={} latency_ms={} channel={} composer={}", decision.kind().wire(),
                decision.topicId(), twoDecimals(decision.confidence()),
                latency.toMillis(), message.channel().code(), decision.composer());

        String notice = firstReply ? notice() : null;
        StringBuilder answer = new StringBuilder();
        if (notice != null) {
            answer.append(notice).append("\n\n");
        }
        answer.append(decision.text());
        if (askConsent) {
            answer.append("\n\n").append(messages.get("chat.consent.question"));
        }
        return new ChatReply(exchange.id(), decision.kind().wire(), answer.toString(), decision.confidence(),
                decision.sources(), decision.suggestions(), decision.parts(), notice, askConsent,
                decision.commentCode(), prompt, decision.composer(), decision.handoff());
    }

    /** 0.93 for 0.9271: what String.format("%.2f") gives for a confidence, without parsing a format on every message (about 15 µs each). */
    static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        long part = Math.abs(hundredths % 100);
        return (hundredths < 0 ? "-" : "") + Math.abs(hundredths / 100) + (part < 10 ? ".0" : ".") + part;
    }

    /** The automated-assistant notice; with a model configured it says that answers may be composed by it (Law 134/2025). */
    private String notice() {
        return model.enabled() ? messages.get("chat.notice") + " " + messages.get("chat.notice.llm")
                : messages.get("chat.notice");
    }

    /** Records the citizen's choice from a button rather than a typed "đồng ý". */
    @Transactional
    public String recordConsent(Channel channel, String sessionId, boolean given) {
        String key = SessionKeys.of(channel, sessionId);
        sessions.insertIfAbsent(key, channel.code());
        String consent = given ? ConversationSession.CONSENT_GIVEN : ConversationSession.CONSENT_REFUSED;
        sessions.updateConsent(key, consent, Instant.now());
        return consent;
    }

    /**
     * Whether the citizen said yes to storing personal data in this session. Channel adapters must
     * check it before keeping a chat's user id or contact (Law 91/2025/QH15).
     */
    @Transactional(readOnly = true)
    public boolean consentGiven(Channel channel, String sessionId) {
        return sessions.findById(SessionKeys.of(channel, sessionId)).map(ConversationSession::consentGiven)
                .orElse(false);
    }

    private record Turn(ConversationSession session, Decision decision) {
    }
}
