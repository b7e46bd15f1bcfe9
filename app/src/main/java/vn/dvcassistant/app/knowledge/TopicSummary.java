package vn.dvcassistant.app.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.kb.Topic;

@Serdeable
public record TopicSummary(String id, String title, String field, String kind, @Nullable String online) {

    public static TopicSummary of(Topic topic) {
        return new TopicSummary(topic.id(), topic.title(), topic.field().code(), topic.kind().code(),
                topic.online() == null ? null : topic.online().label());
    }
}
