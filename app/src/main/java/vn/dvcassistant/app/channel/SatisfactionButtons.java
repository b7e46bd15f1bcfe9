package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.CommuneNames;
import vn.dvcassistant.app.satisfaction.RatingAgencies;
import vn.dvcassistant.app.satisfaction.RatingOffers;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.app.satisfaction.SatisfactionWriter;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three steps of rating a procedure in a chat, as on the web page: "did you do it?" (only then the
 * levels; "Chưa làm" records nothing), the level, then where it was done ("Không nhớ" allowed; a commune-level
 * kind asks the citizen to type their commune, then offers the closest communes). The rating
 * is stored at the last step, once per procedure and session ({@link RatingOffers}), anonymous: no session,
 * chat id or comment goes with it.
 */
@Singleton
class SatisfactionButtons {

    /** Communes offered for what the citizen typed: with "Không nhớ", within Zalo's five buttons. */
    static final int COMMUNE_BUTTONS = 4;

    private final RatingOffers offers;
    private final CommuneQuestions questions;
    private final CommuneNames communes;
    private final SatisfactionRecorder recorder;
    private final RatingAgencies agencies;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;

    SatisfactionButtons(RatingOffers offers, SatisfactionRecorder recorder, RatingAgencies agencies,
                        KnowledgeBase knowledgeBase, Messages messages, CommuneQuestions questions,
                        CommuneNames communes) {
        this.questions = questions;
        this.communes = communes;
        this.offers = offers;
        this.recorder = recorder;
        this.agencies = agencies;
        this.knowledgeBase = knowledgeBase;
        this.messages = messages;
    }

    /** "Tôi đã làm thủ tục này" shows the levels; "Chưa làm" only thanks. */
    ChannelConversation.Response did(ButtonAction.Did action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        if (!action.done()) {
            return message(new Reply(List.of(new ReplyPart.Paragraph(messages.get("satisfaction.notDoneThanks"))), List.of()));
        }
        List<List<Button>> rows = new ArrayList<>();
        for (SatisfactionLevel level : SatisfactionLevel.values()) {
            // One per row: side by side, Telegram cuts "Không hài lòng" on a narrow phone.
            rows.add(List.of(new Button(messages.get("survey.level." + level.code()),
                    ButtonAction.satisfaction(level, topic.get().id()))));
        }
        return message(new Reply(List.of(new ReplyPart.Paragraph(
                messages.get("channel.satisfaction.ask", topic.get().title()))), rows));
    }

    /** A level was chosen: ask where the procedure was done. */
    ChannelConversation.Response level(ButtonAction.Satisfaction action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        List<List<Button>> rows = new ArrayList<>();
        for (RatingAgencies.Choice choice : agencies.choices(topic.get())) {
            String data = choice.agency() != null
                    ? ButtonAction.satisfactionAgency(action.level(), topic.get().id(), choice.agency().code())
                    : ButtonAction.satisfactionCommune(action.level(), topic.get().id(), choice.communeKind());
            if (data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES) {
                rows.add(List.of(new Button(choice.label(), data)));
            }
        }
        rows.add(List.of(unknown(action.level(), topic.get().id())));
        return message(new Reply(List.of(new ReplyPart.Paragraph(messages.get("satisfaction.agencyQuestion"))), rows));
    }

    /** "UBND xã/phường" or "Công an xã/phường": the citizen's next message names their commune. */
    ChannelConversation.Response askCommune(Channel channel, String session, ButtonAction.SatisfactionCommune action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        questions.ask(channel, session, action.level(), topic.get().id(), action.kind());
        return message(new Reply(List.of(new ReplyPart.Paragraph(messages.get("satisfaction.communeQuestion"))),
                List.of(List.of(unknown(action.level(), topic.get().id())))));
    }

    /**
     * A message from a chat asked for its commune: the best matching communes as buttons (the rating is stored when
     * one is pressed), or a request to type it again. Empty when the chat was not asked (an ordinary question).
     */
    Optional<ChannelConversation.Response> communeTyped(Channel channel, String session, String text) {
        Optional<CommuneQuestions.Open> open = questions.open(channel, session);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        CommuneQuestions.Open asked = open.get();
        List<Agency> matches = communes.bestMatches(text, asked.kind(), COMMUNE_BUTTONS);
        List<List<Button>> rows = new ArrayList<>();
        for (Agency agency : matches) {
            String data = ButtonAction.satisfactionAgency(asked.level(), asked.topicId(), agency.code());
            if (data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES) {
                rows.add(List.of(new Button(agency.name(), data)));
            }
        }
        rows.add(List.of(unknown(asked.level(), asked.topicId())));
        if (rows.size() == 1) {
            // Still open: the next message is another try.
            return Optional.of(message(new Reply(List.of(new ReplyPart.Paragraph(
                    messages.get("satisfaction.communeNotFound"))), rows)));
        }
        questions.close(channel, session);
        return Optional.of(message(new Reply(List.of(new ReplyPart.Paragraph(
                messages.get("satisfaction.communePick"))), rows)));
    }

    private Button unknown(SatisfactionLevel level, String topicId) {
        return new Button(messages.get("satisfaction.agencyUnknown"), ButtonAction.satisfactionAgency(level, topicId, null));
    }

    /** The agency was chosen: the rating is stored. */
    ChannelConversation.Response agency(Channel channel, String session, ButtonAction.SatisfactionAgency action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        // Whatever was pressed, the chat's next message is a question again, not its commune.
        questions.close(channel, session);
        SatisfactionRecorder.ValidRating rating;
        try {
            rating = recorder.validate(new SatisfactionSubmission(topic.get().id(), action.level().code(),
                    action.agency(), channel.code(), null));
        } catch (Refusal e) {
            return toast(messages.get("error." + e.code()));
        }
        offers.checkSession(session);
        try {
            // The chat's offer is claimed in the rating's own transaction, so the two commit together.
            recorder.store(rating, null, new SatisfactionWriter.Offer(channel, session));
        } catch (Refusal e) {
            // Only the two answers about the offer are the citizen's to read; anything else fails as before.
            switch (e.code()) {
                case SatisfactionRecorder.ALREADY_RATED -> {
                    return toast(messages.get("channel.satisfaction.already"));
                }
                case SatisfactionRecorder.NOT_OFFERED -> {
                    return toast(messages.get("channel.button.unknown"));
                }
                default -> throw e;
            }
        }
        String thanks = messages.get(action.level().satisfied() ? "channel.satisfaction.thanks.satisfied"
                : "channel.satisfaction.thanks.unsatisfied", topic.get().title());
        return message(Reply.text(thanks + " " + messages.get("channel.satisfaction.commentHint")));
    }

    private static ChannelConversation.Response message(Reply reply) {
        return new ChannelConversation.Response(List.of(reply), null, null);
    }

    private static ChannelConversation.Response toast(String text) {
        return new ChannelConversation.Response(List.of(), text, null);
    }
}
