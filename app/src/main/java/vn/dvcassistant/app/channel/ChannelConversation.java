package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.app.conversation.ConversationEngine;
import vn.dvcassistant.app.conversation.IncomingMessage;
import vn.dvcassistant.app.feedback.AnswerRatingService;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * Decides what to send back for one chat event, on any channel: the engine's answer, a stored rating
 * (of the answer, or of the procedure on the official scale), a recorded consent, or a short hint.
 * Sends nothing itself.
 */
@Singleton
public class ChannelConversation {

    /** The engine's limit on a question (ChatRequestValidator.MAX_TEXT). */
    static final int MAX_TEXT = 2000;

    /**
     * @param messages   chat messages to send, in order (may be empty)
     * @param toast      a short acknowledgement of a button press (Telegram shows it over the chat; other
     *                   channels send it as a message), or null
     * @param exchangeId the stored answer these messages carry, if any
     */
    public record Response(List<Reply> messages, @Nullable String toast, @Nullable UUID exchangeId) {
        static final Response NOTHING = new Response(List.of(), null, null);
    }

    private final ConversationEngine engine;
    private final AnswerRatingService ratings;
    private final KnowledgeBase knowledgeBase;
    private final ChannelContacts contacts;
    private final ChannelReplies replies;
    private final SatisfactionButtons satisfaction;
    private final Messages messages;
    private final List<CommentTakenNotice> commentNotices;
    private final List<ChatCommand> commands;

    /**
     * Answering is CPU work (search, composing, the database). More concurrent answers than cores do not
     * answer faster; they take the CPU from the event loop, and the webhooks' 200s come late. Sending, which
     * mostly waits on the network, is not limited by this.
     */
    private final Semaphore answering;

    ChannelConversation(ConversationEngine engine, AnswerRatingService ratings, KnowledgeBase knowledgeBase,
                        ChannelContacts contacts, ChannelReplies replies, SatisfactionButtons satisfaction,
                        Messages messages, ChannelSettings settings, List<CommentTakenNotice> commentNotices,
                        List<ChatCommand> commands) {
        this.commentNotices = List.copyOf(commentNotices);
        this.commands = List.copyOf(commands);
        this.answering = new Semaphore(settings.answersAtOnce(), true);
        this.engine = engine;
        this.ratings = ratings;
        this.knowledgeBase = knowledgeBase;
        this.contacts = contacts;
        this.replies = replies;
        this.satisfaction = satisfaction;
        this.messages = messages;
    }

    public Response respond(InboundEvent event) {
        try {
            answering.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to answer", e);
        }
        try {
            return decide(event);
        } finally {
            answering.release();
        }
    }

    private Response decide(InboundEvent event) {
        String session = sessionId(event);
        return switch (event.type()) {
            case IGNORED -> Response.NOTHING;
            case UNFOLLOW -> {
                contacts.unfollowed(event.channel(), session);
                yield Response.NOTHING;
            }
            case FOLLOW -> {
                contacts.followed(event.channel(), session);
                yield ask(event, session, "/start", null);
            }
            case START -> ask(event, session, "/start", null);
            case UNSUPPORTED -> message(messages.get("channel.unsupported"));
            case TEXT -> text(event, session);
            case BUTTON -> button(event, session);
        };
    }

    /** One session per private chat; in a group, one per member, so consent stays personal. */
    static String sessionId(InboundEvent event) {
        return event.fromGroup() ? event.chatId() + ":" + event.userId() : event.chatId();
    }

    private Response text(InboundEvent event, String session) {
        String text = event.text() == null ? "" : withoutControlCharacters(event.text()).strip();
        if (text.isEmpty()) {
            return message(messages.get("channel.unsupported"));
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            return message(messages.get("error.text_too_long"));
        }
        Optional<Response> commune = satisfaction.communeTyped(event.channel(), session, text);
        if (commune.isPresent()) {
            return commune.get();
        }
        ChatCommand.Chat chat = chat(event, session);
        for (ChatCommand command : commands) {
            Optional<List<Reply>> handled = command.onText(chat, text);
            if (handled.isPresent()) {
                return new Response(handled.get(), null, null);
            }
        }
        return ask(event, session, text, null);
    }

    private Response button(InboundEvent event, String session) {
        Optional<ButtonAction> action = ButtonAction.parse(event.buttonData());
        if (action.isEmpty() && event.buttonData() != null) {
            ChatCommand.Chat chat = chat(event, session);
            for (ChatCommand command : commands) {
                Optional<List<Reply>> handled = command.onButton(chat, event.buttonData());
                if (handled.isPresent()) {
                    return new Response(handled.get(), null, null);
                }
            }
        }
        if (action.isEmpty()) {
            return new Response(List.of(), messages.get("channel.button.unknown"), null);
        }
        if (action.get() instanceof ButtonAction.Rate rate) {
            return rate(event.channel(), rate);
        }
        if (action.get() instanceof ButtonAction.PickTopic pick) {
            Optional<Topic> topic = knowledgeBase.topic(pick.topicId());
            if (topic.isEmpty()) {
                return new Response(List.of(), messages.get("error.unknown_topic"), null);
            }
            return ask(event, session, topic.get().title(), topic.get().id());
        }
        if (action.get() instanceof ButtonAction.Did did) {
            return satisfaction.did(did);
        }
        if (action.get() instanceof ButtonAction.Handoff) {
            return ask(event, session, messages.get("chat.handoff.button"), null);
        }
        if (action.get() instanceof ButtonAction.Part part) {
            return askPart(event, session, part);
        }
        if (action.get() instanceof ButtonAction.Satisfaction rated) {
            return satisfaction.level(rated);
        }
        if (action.get() instanceof ButtonAction.SatisfactionCommune commune) {
            return satisfaction.askCommune(event.channel(), session, commune);
        }
        if (action.get() instanceof ButtonAction.SatisfactionAgency where) {
            return satisfaction.agency(event.channel(), session, where);
        }
        boolean given = ((ButtonAction.Consent) action.get()).given();
        engine.recordConsent(event.channel(), session, given);
        contacts.syncConsent(event.channel(), session, event.chatId(), given);
        return message(messages.get(given ? "chat.consent.given" : "chat.consent.refused"));
    }

    /** The part's label ("Lệ phí") asked on its topic: the engine answers that part only. */
    private Response askPart(InboundEvent event, String session, ButtonAction.Part part) {
        if (knowledgeBase.topic(part.topicId()).isEmpty()) {
            return new Response(List.of(), messages.get("error.unknown_topic"), null);
        }
        return ask(event, session, messages.get(part.part().labelKey()), part.topicId());
    }

    private Response rate(Channel channel, ButtonAction.Rate rate) {
        try {
            ratings.rate(rate.messageId(), rate.helpful(), null, channel);
        } catch (Refusal e) {
            return new Response(List.of(), messages.get("error." + e.code()), null);
        }
        List<Reply> follow = rate.helpful() ? List.of() : List.of(Reply.text(messages.get("channel.rating.notHelpful")));
        return new Response(follow, messages.get("feedback.thanks"), null);
    }

    private Response ask(InboundEvent event, String session, String text, @Nullable String topicId) {
        Channel channel = event.channel();
        ChatReply reply = engine.handle(new IncomingMessage(channel, session, text, topicId));
        boolean consent = engine.consentGiven(channel, session);
        contacts.syncConsent(event.channel(), session, event.chatId(), consent);
        List<Reply> rendered = replies.render(reply, event.fromGroup());
        if (consent && !event.fromGroup() && "answer".equals(reply.kind()) && !reply.sources().isEmpty()) {
            rendered = withOffers(rendered, chat(event, session), reply.sources().get(0).id());
        }
        if (reply.commentCode() != null && consent) {
            // Zalo only lets the answer into the chat within a window after the citizen's last message.
            for (CommentTakenNotice notice : commentNotices) {
                if (notice.channel() == channel) {
                    rendered = ChannelReplies.withClosingParagraph(rendered, notice.text());
                }
            }
        }
        return new Response(rendered, null, reply.messageId());
    }

    private ChatCommand.Chat chat(InboundEvent event, String session) {
        return new ChatCommand.Chat(event.channel(), ChannelContacts.key(event.channel(), session), event.fromGroup(),
                () -> engine.consentGiven(event.channel(), session));
    }

    /**
     * The commands' buttons ("Nhận thông báo", "Nhắc tôi") under the answer when it has room for them, else
     * under the last message; left out when neither has (Zalo shows at most five buttons).
     */
    private List<Reply> withOffers(List<Reply> rendered, ChatCommand.Chat chat, String topicId) {
        List<Button> offers = new ArrayList<>();
        for (ChatCommand command : commands) {
            offers.addAll(command.afterAnswer(chat, topicId));
        }
        if (offers.isEmpty()) {
            return rendered;
        }
        List<Reply> out = new ArrayList<>(rendered);
        int answer = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).buttons().stream().anyMatch(b -> b.data().startsWith("rate:"))) {
                answer = i;
            }
        }
        for (int i : new int[]{answer, out.size() - 1}) {
            Reply target = out.get(i);
            if (target.buttons().size() + offers.size() <= Reply.MAX_BUTTONS) {
                out.set(i, target.withButtonRow(offers.toArray(Button[]::new)));
                return out;
            }
        }
        return out;
    }

    private static Response message(String text) {
        return new Response(List.of(Reply.text(text)), null, null);
    }

    private static String withoutControlCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c));
        return out.toString();
    }
}
