package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.satisfaction.RatingAgencies;
import vn.dvcassistant.app.satisfaction.RatingOffers;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
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
 * levels; "Chưa làm" records nothing), the level, then where it was done ("Không nhớ" allowed). The rating
 * is stored at the last step, once per procedure and session ({@link RatingOffers}), anonymous: no session,
 * chat id or comment goes with it.
 */
@Singleton
class SatisfactionButtons {

    private final RatingOffers offers;
    private final SatisfactionRecorder recorder;
    private final RatingAgencies agencies;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;

    SatisfactionButtons(RatingOffers offers, SatisfactionRecorder recorder, RatingAgencies agencies,
                        KnowledgeBase knowledgeBase, Messages messages) {
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
        for (Agency agency : agencies.shortList(topic.get())) {
            String data = ButtonAction.satisfactionAgency(action.level(), topic.get().id(), agency.code());
            if (data.getBytes(StandardCharsets.UTF_8).length <= Button.MAX_DATA_BYTES) {
                rows.add(List.of(new Button(agency.name(), data)));
            }
        }
        rows.add(List.of(new Button(messages.get("satisfaction.agencyUnknown"),
                ButtonAction.satisfactionAgency(action.level(), topic.get().id(), null))));
        return message(new Reply(List.of(new ReplyPart.Paragraph(messages.get("satisfaction.agencyQuestion"))), rows));
    }

    /** The agency was chosen: the rating is stored. */
    ChannelConversation.Response agency(Channel channel, String session, ButtonAction.SatisfactionAgency action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        SatisfactionRecorder.ValidRating rating;
        try {
            rating = recorder.validate(new SatisfactionSubmission(topic.get().id(), action.level().code(),
                    action.agency(), channel.code(), null));
        } catch (Refusal e) {
            return toast(messages.get("error." + e.code()));
        }
        switch (offers.claim(channel, session, topic.get().id())) {
            case NOT_OFFERED -> {
                return toast(messages.get("channel.button.unknown"));
            }
            case ALREADY_RATED -> {
                return toast(messages.get("channel.satisfaction.already"));
            }
            case CLAIMED -> {
                // Recorded below.
            }
        }
        try {
            recorder.store(rating);
        } catch (RuntimeException e) {
            offers.release(channel, session, topic.get().id());
            throw e;
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
