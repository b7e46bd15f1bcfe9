package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.app.satisfaction.RatingOffers;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.satisfaction.SatisfactionRecorder;
import vn.dvcassistant.app.satisfaction.SatisfactionSubmission;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.util.List;
import java.util.Optional;

/**
 * A press on one of the three satisfaction buttons under a chat answer: one anonymous rating per
 * procedure and session, stored like {@code POST /api/v1/satisfaction} with the chat's channel.
 */
@Singleton
class SatisfactionButtons {

    private final RatingOffers offers;
    private final SatisfactionRecorder recorder;
    private final KnowledgeBase knowledgeBase;
    private final Messages messages;

    SatisfactionButtons(RatingOffers offers, SatisfactionRecorder recorder, KnowledgeBase knowledgeBase,
                        Messages messages) {
        this.offers = offers;
        this.recorder = recorder;
        this.knowledgeBase = knowledgeBase;
        this.messages = messages;
    }

    ChannelConversation.Response press(Channel channel, String session, ButtonAction.Satisfaction action) {
        Optional<Topic> topic = knowledgeBase.topic(action.topicId());
        if (topic.isEmpty()) {
            return toast(messages.get("error.unknown_topic"));
        }
        Channel chat = channel;
        switch (offers.claim(chat, session, topic.get().id())) {
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
            // Nothing about the citizen goes with the rating: no session, no chat id, no comment.
            recorder.record(new SatisfactionSubmission(topic.get().id(), action.level().code(), null, chat.code(), null));
        } catch (Refusal e) {
            offers.release(chat, session, topic.get().id());
            return toast(messages.get("error." + e.code()));
        } catch (RuntimeException e) {
            offers.release(chat, session, topic.get().id());
            throw e;
        }
        String thanks = messages.get(action.level().satisfied() ? "channel.satisfaction.thanks.satisfied"
                : "channel.satisfaction.thanks.unsatisfied", topic.get().title());
        return new ChannelConversation.Response(
                List.of(Reply.text(thanks + " " + messages.get("channel.satisfaction.commentHint"))), null, null);
    }

    private static ChannelConversation.Response toast(String text) {
        return new ChannelConversation.Response(List.of(), text, null);
    }
}
