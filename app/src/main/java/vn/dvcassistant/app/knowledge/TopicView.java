package vn.dvcassistant.app.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.kb.Topic;

import java.time.LocalDate;
import java.util.List;

/** A knowledge-base entry as the API shows it (field and online level by their content codes). */
@Serdeable
public record TopicView(
        String id,
        String title,
        String field,
        String fieldLabel,
        String authority,
        String online,
        String summary,
        List<String> steps,
        List<String> documents,
        String fee,
        String processingTime,
        List<String> legalBasis,
        String officialUrl,
        List<String> sources,
        LocalDate reviewed,
        LocalDate reviewBy) {

    public static TopicView of(Topic topic) {
        return new TopicView(topic.id(), topic.title(), topic.field().code(), topic.field().label(),
                topic.authority(), topic.online().label(), topic.summary(), topic.steps(), topic.documents(),
                topic.fee(), topic.processingTime(), topic.legalBasis(), topic.officialUrl(), topic.sources(),
                topic.reviewed(), topic.reviewBy());
    }
}
