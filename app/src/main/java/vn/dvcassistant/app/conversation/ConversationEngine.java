package vn.dvcassistant.app.conversation;

import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.channel.Channel;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.comments.CommentService;
import vn.dvcassistant.app.comments.CommentSubmission;
import vn.dvcassistant.app.comments.SubmittedComment;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.privacy.ErasureRequests;
import vn.dvcassistant.app.privacy.PersonalDataEraser;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;
import vn.dvcassistant.kb.Topic;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * Decides the reply to one message from the knowledge base and the session's stored context, and
 * stores the exchange. Holds no state between messages: everything it remembers is in PostgreSQL,
 * so any instance can answer any session.
 */
@Singleton
public class ConversationEngine {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConversationEngine.class);

    private static final int SEARCH_HITS = 3;
    private static final int MAX_RELATED = 2;
    /** Typed instead of the awaited comment, they withdraw it. */
    private static final Set<String> CANCEL_COMMENT = Set.of("huy", "huy bo", "thoi", "thoi khong", "huy gop y",
            "khong gop y nua", "thoi khong gop y", "khong gop y");
    private static final List<String> SATISFACTION_LEVELS = Arrays.stream(SatisfactionLevel.values())
            .map(SatisfactionLevel::code).toList();

    private final KnowledgeBase knowledgeBase;
    private final AnswerComposer composer;
    private final SessionRepository sessions;
    private final ConversationStore store;
    private final MostAskedTopics mostAsked;
    private final ConnectionOperations<Connection> connections;
    private final ExchangeRepository exchanges;
    private final ConversationSettings settings;
    private final ConversationMetrics metrics;
    private final Messages messages;
    private final ErasureRequests erasureRequests;
    private final PersonalDataEraser eraser;
    private final CommentService comments;
    private final CommentSupplements supplements;

    ConversationEngine(KnowledgeBase knowledgeBase, AnswerComposer composer, SessionRepository sessions, ConversationStore store,
                       MostAskedTopics mostAsked, ConnectionOperations<Connection> connections,
                       ExchangeRepository exchanges, ConversationSettings settings, ConversationMetrics metrics,
                       Messages messages, ErasureRequests erasureRequests, PersonalDataEraser eraser,
                       CommentService comments, CommentSupplements supplements) {
        this.comments = comments;
        this.supplements = supplements;
        this.knowledgeBase = knowledgeBase;
        this.composer = composer;
        this.sessions = sessions;
        this.store = store;
        this.mostAsked = mostAsked;
        this.connections = connections;
        this.exchanges = exchanges;
        this.settings = settings;
        this.metrics = metrics;
        this.messages = messages;
        this.erasureRequests = erasureRequests;
        this.eraser = eraser;
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
            ConversationSession opened = store.open(key, message.channel());
            return new Turn(opened, decide(message, opened));
        });
        ConversationSession session = turn.session();
        Decision decision = turn.decision();
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
        LOG.info("exchange kind={} topic={} confidence={} latency_ms={} channel={}", decision.kind().wire(),
                decision.topicId(), String.format(java.util.Locale.ROOT, "%.2f", decision.confidence()),
                latency.toMillis(), message.channel().code());

        String notice = firstReply ? messages.get("chat.notice") : null;
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
                decision.commentCode(), prompt);
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

    private Decision decide(IncomingMessage message, ConversationSession session) {
        if (message.topicId() == null) {
            // "bổ sung <code> ..." answers an agency's question, even right after "góp ý".
            Optional<CommentSupplements.Reply> supplement = supplements.reply(message);
            if (supplement.isPresent()) {
                return new Decision(ReplyKind.SMALLTALK, supplement.get().text(), 1.0, null, List.of(), List.of(),
                        null, null, false, false, supplement.get().commentCode(), null);
            }
        }
        if (session.awaitingComment() && message.topicId() == null) {
            return comment(message, session);
        }
        if (message.topicId() != null) {
            Optional<Topic> picked = knowledgeBase.topic(message.topicId());
            if (picked.isPresent()) {
                return answer(picked.get(), null, message.text(), 1.0, List.of());
            }
        }
        FoldedText folded = FoldedText.of(message.text());
        Optional<Decision> smalltalk = Smalltalk.detect(folded).flatMap(kind -> smalltalk(kind, session, message));
        if (smalltalk.isPresent()) {
            return smalltalk.get();
        }
        Optional<Facet> facet = Facet.detect(folded);
        Optional<Topic> lastTopic = Optional.ofNullable(session.lastTopicId()).flatMap(knowledgeBase::topic);
        if (facet.isPresent() && lastTopic.isPresent() && facet.get().isWholeQuestion(folded)) {
            return answer(lastTopic.get(), facet.get(), message.text(), settings.followUpConfidence(), List.of());
        }
        SearchResult result = knowledgeBase.search(message.text(), SEARCH_HITS);
        List<SearchHit> options = clarifyOptions(result);
        if (result.outcome() == SearchOutcome.ANSWER && !result.hits().isEmpty() && options.isEmpty()) {
            List<SearchHit> hits = result.hits();
            return answer(hits.get(0).topic(), facet.orElse(null), message.text(), hits.get(0).confidence(),
                    hits.subList(1, Math.min(hits.size(), 1 + MAX_RELATED)));
        }
        if (facet.isPresent() && lastTopic.isPresent()) {
            return answer(lastTopic.get(), facet.get(), message.text(), settings.followUpConfidence(), List.of());
        }
        if (options.size() >= 2) {
            List<ChatReply.Suggestion> choices = options.stream()
                    .map(h -> new ChatReply.Suggestion(h.topic().id(), h.topic().title())).toList();
            return new Decision(ReplyKind.CLARIFY, messages.get("chat.clarify"), result.confidence(), null,
                    List.of(), choices, null, null);
        }
        return fallback(result.confidence());
    }

    /**
     * The search's own clarify options, or, when it would answer but its first two hits score almost
     * the same ("đăng ký", "bảo hiểm"), the close hits: picking one of them would be a coin toss.
     */
    private List<SearchHit> clarifyOptions(SearchResult result) {
        if (result.outcome() == SearchOutcome.CLARIFY) {
            return result.clarifyOptions();
        }
        List<SearchHit> hits = result.hits();
        if (result.outcome() != SearchOutcome.ANSWER || hits.size() < 2
                || hits.get(1).score() < settings.tieScoreRatio() * hits.get(0).score()) {
            return List.of();
        }
        double floor = SearchResult.CLARIFY_SCORE_RATIO * hits.get(0).score();
        return hits.stream().limit(3).filter(h -> h.score() >= floor).toList();
    }

    private Optional<Decision> smalltalk(Smalltalk kind, ConversationSession session, IncomingMessage message) {
        return switch (kind) {
            case GREETING -> Optional.of(menu("chat.greeting"));
            case THANKS -> Optional.of(menu("chat.thanks"));
            case HELP -> Optional.of(menu("chat.help"));
            case CONSENT_GIVEN -> Optional.of(consentReply("chat.consent.given", ConversationSession.CONSENT_GIVEN));
            case CONSENT_REFUSED -> ConversationSession.CONSENT_ASKED.equals(session.consent())
                    || ConversationSession.CONSENT_GIVEN.equals(session.consent())
                    ? Optional.of(consentReply("chat.consent.refused", ConversationSession.CONSENT_REFUSED))
                    : Optional.empty();
            case HANDOFF -> Optional.of(handoff(session));
            case COMMENT -> Optional.of(new Decision(ReplyKind.SMALLTALK, messages.get("chat.comment.ask"), 1.0, null,
                    List.of(), List.of(), null, null, false, true, null, null));
            case ERASE_REQUEST -> {
                erasureRequests.ask(session.id(), Instant.now());
                yield Optional.of(plain("privacy.erase.ask", false));
            }
            case ERASE_CONFIRM -> Optional.of(erasureRequests.isPending(session.id(), Instant.now())
                    ? plain("privacy.erase.done", true) : plain("privacy.erase.nothing", false));
        };
    }

    /**
     * The message after "góp ý" is the comment. Contact (the chat to send the answer to) only with consent,
     * like the channels' own contact store; the web chat has no contact to give.
     */
    private Decision comment(IncomingMessage message, ConversationSession session) {
        if (CANCEL_COMMENT.contains(FoldedText.of(message.text()).text())) {
            return plain("chat.comment.cancelled", false);
        }
        String field = Optional.ofNullable(session.lastTopicId()).flatMap(knowledgeBase::topic)
                .map(t -> t.field().code()).orElse(null);
        boolean consent = session.consentGiven();
        String replyTo = consent && message.channel() != Channel.WEB ? chatId(message.sessionId()) : null;
        SubmittedComment submitted = comments.submit(new CommentSubmission(message.text(), null, field,
                message.channel().code(), consent, null, null, null, replyTo));
        String text = submitted.message() + "\n\n" + messages.get("chat.comment.track", submitted.code(),
                submitted.trackingUrl());
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), List.of(), null, null, false, false,
                submitted.code(), null);
    }

    /** A group session is "chat:user" (see the channels' session ids); the answer goes to the chat. */
    static String chatId(String sessionId) {
        int colon = sessionId.indexOf(':');
        return colon < 0 ? sessionId : sessionId.substring(0, colon);
    }

    private Decision consentReply(String textKey, String consent) {
        return new Decision(ReplyKind.SMALLTALK, messages.get(textKey), 1.0, null, List.of(), popularTopics(), null,
                consent);
    }

    private Decision handoff(ConversationSession session) {
        if (ReplyKind.FALLBACK.wire().equals(session.lastKind()) && session.lastExchangeId() != null) {
            exchanges.markHandoffRequested(session.lastExchangeId());
            return new Decision(ReplyKind.SMALLTALK, messages.get("chat.handoff.done"), 1.0, null, List.of(),
                    List.of(), null, null);
        }
        return new Decision(ReplyKind.SMALLTALK, messages.get("chat.handoff.nothing"), 1.0, null, List.of(),
                popularTopics(), null, null);
    }

    private Decision plain(String textKey, boolean erase) {
        return new Decision(ReplyKind.SMALLTALK, messages.get(textKey), 1.0, null, List.of(), List.of(), null, null,
                erase);
    }

    private Decision menu(String textKey) {
        return new Decision(ReplyKind.SMALLTALK, messages.get(textKey), 1.0, null, List.of(), popularTopics(), null,
                null);
    }

    private Decision fallback(double confidence) {
        StringBuilder text = new StringBuilder(messages.get("chat.fallback"))
                .append(' ').append(messages.get("chat.fallback.hotline"));
        if (!settings.provinceHotline().isBlank()) {
            String province = settings.provinceName().isBlank() ? "tỉnh" : settings.provinceName();
            text.append(' ').append(messages.get("chat.fallback.provinceHotline", province, settings.provinceHotline()));
        }
        text.append("\n\n").append(messages.get("chat.fallback.handoff"));
        return new Decision(ReplyKind.FALLBACK, text.toString(), confidence, null, List.of(), popularTopics(), null,
                null);
    }

    private Decision answer(Topic topic, @Nullable Facet facet, String question, double confidence,
                            List<SearchHit> related) {
        ComposedAnswer composed = composer.compose(topic, facet, question);
        ChatReply.Source source = new ChatReply.Source(topic.id(), topic.title(), topic.officialUrl(),
                topic.field().code());
        List<ChatReply.Suggestion> suggestions = related.stream()
                .map(h -> new ChatReply.Suggestion(h.topic().id(), h.topic().title())).toList();
        // dvc-chung topics are about the portal itself, not a procedure the citizen went through.
        ChatReply.SatisfactionPrompt prompt = topic.field() == Field.DVC_CHUNG ? null
                : new ChatReply.SatisfactionPrompt(topic.id(), SATISFACTION_LEVELS);
        return new Decision(ReplyKind.ANSWER, composed.text(), confidence, topic.id(), List.of(source), suggestions,
                composed.parts(), null, false, false, null, prompt);
    }

    /** The most asked topics, topped up from the configured defaults while there is little history. */
    private List<ChatReply.Suggestion> popularTopics() {
        int count = settings.suggestionCount();
        Set<String> ids = new LinkedHashSet<>(mostAsked.ids(count));
        ids.addAll(settings.defaultSuggestions());
        List<ChatReply.Suggestion> suggestions = new ArrayList<>();
        for (String id : ids) {
            knowledgeBase.topic(id).ifPresent(t -> suggestions.add(new ChatReply.Suggestion(t.id(), t.title())));
            if (suggestions.size() == count) {
                break;
            }
        }
        return suggestions;
    }

    private record Turn(ConversationSession session, Decision decision) {
    }

    private record Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
                            List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
                            @Nullable AnswerParts parts, @Nullable String consent, boolean erase,
                            boolean awaitComment, @Nullable String commentCode,
                            @Nullable ChatReply.SatisfactionPrompt satisfactionPrompt) {

        Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
                 List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
                 @Nullable AnswerParts parts, @Nullable String consent) {
            this(kind, text, confidence, topicId, sources, suggestions, parts, consent, false);
        }

        Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
                 List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
                 @Nullable AnswerParts parts, @Nullable String consent, boolean erase) {
            this(kind, text, confidence, topicId, sources, suggestions, parts, consent, erase, false, null, null);
        }
    }
}
