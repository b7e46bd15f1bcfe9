package vn.dvcassistant.app.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.dvcassistant.kb.Topic;

import java.time.LocalDate;
import java.util.List;

/**
 * A knowledge-base entry as the API shows it (field, kind and online level by their content codes).
 * An information topic has no authority, online level, fee or time: those are null. {@code deadline}: the
 * deadline the entry states (for "Nhắc tôi"), null when it states none.
 */
@Serdeable
public record TopicView(
        String id,
        String title,
        String field,
        String fieldLabel,
        String kind,
        @Nullable String authority,
        @Nullable String online,
        @Nullable @JsonProperty("short") String shortAnswer,
        String summary,
        List<String> steps,
        List<String> documents,
        @Nullable String fee,
        @Nullable String processingTime,
        List<String> legalBasis,
        String officialUrl,
        List<String> sources,
        LocalDate reviewed,
        LocalDate reviewBy,
        List<String> procedureCodes,
        @Nullable DeadlineView deadline) {

    /** @param length "60 ngày", "3 tháng"; countsFrom: the event it counts from; quote: the entry's words */
    @Serdeable
    public record DeadlineView(String length, String countsFrom, String quote) {
    }

    public static TopicView of(Topic topic) {
        return new TopicView(topic.id(), topic.title(), topic.field().code(), topic.field().label(),
                topic.kind().code(), topic.authority(), topic.online() == null ? null : topic.online().label(),
                topic.shortAnswer(), topic.summary(), topic.steps(), topic.documents(),
                topic.fee(), topic.processingTime(), topic.legalBasis(), topic.officialUrl(), topic.sources(),
                topic.reviewed(), topic.reviewBy(), topic.procedureCodes(), topic.deadline() == null ? null
                        : new DeadlineView(topic.deadline().length(), topic.deadline().countsFrom(), topic.deadline().quote()));
    }
}
