package vn.dvcassistant.app.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.kb.Topic;

@Serdeable
public record TopicSummary(String id, String title, String field, String online) {

    public static TopicSummary of(Topic topic) {
        return new TopicSummary(topic.id(), topic.title(), topic.field().code(), topic.online().label());
    }
}
