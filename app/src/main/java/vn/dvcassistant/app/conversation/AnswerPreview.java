package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.kb.Topic;

import java.util.List;
import java.util.UUID;

/**
 * An entry's answer before it is published, composed by the same template a citizen's answer is (the
 * "Cập nhật" date and the review warning included), for the editors' preview.
 */
@Singleton
public final class AnswerPreview {

    private final TemplateAnswerComposer composer;

    AnswerPreview(TemplateAnswerComposer composer) {
        this.composer = composer;
    }

    /** The reply a citizen asking about the whole topic would get, first message of a consenting session. */
    public ChatReply reply(Topic topic) {
        ComposedAnswer answer = composer.compose(topic, null, topic.title());
        return new ChatReply(UUID.randomUUID(), ReplyKind.ANSWER.wire(), answer.text(), 1.0,
                List.of(new ChatReply.Source(topic.id(), topic.title(), topic.officialUrl(), topic.field().code())),
                List.of(), answer.parts(), null, false);
    }
}
