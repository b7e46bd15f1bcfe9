package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.knowledge.CatalogueLinks;
import vn.dvcassistant.app.province.ProvinceClock;
import vn.dvcassistant.kb.Topic;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What every answer ends with (its "Cập nhật" date, and a warning once it is past its review date), and
 * answers from the procedure catalogue: only what the catalogue row says, its code as text and the link an
 * editor checked, never one built from the code.
 */
@Singleton
final class CatalogueAnswers {

    /** The national portal's home page: citizens type the code into its search. */
    static final String PORTAL = "https://dichvucong.gov.vn";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final ProvinceClock clock;
    private final CatalogueLinks content;

    CatalogueAnswers(Messages messages, ProvinceClock clock, CatalogueLinks content) {
        this.messages = messages;
        this.clock = clock;
        this.content = content;
    }

    ComposedAnswer compose(Topic topic, @Nullable Facet facet) {
        String code = topic.procedureCodes().isEmpty() ? "" : topic.procedureCodes().get(0);
        String unknown = messages.get("answer.catalogue.unknown");
        String online = topic.online() == null ? "" : topic.online().label();
        StringBuilder text = new StringBuilder(topic.title());
        line(text, "answer.catalogue.code", code);
        line(text, "answer.authority", topic.authority());
        line(text, "answer.processingTime", topic.processingTime());
        line(text, "answer.fee", topic.fee());
        line(text, "answer.online", online);
        line(text, "answer.catalogue.legalBasis", String.join("; ", topic.legalBasis()));
        String link = topic.officialUrl() == null ? PORTAL : topic.officialUrl();
        text.append("\n\n").append(lookUp(topic.officialUrl(), code));
        text.append(dates(topic));
        AnswerParts parts = new AnswerParts(topic.title(), topic.kind().code(), topic.firstReply(), topic.summary(),
                List.of(), List.of(),
                or(topic.fee(), unknown), or(topic.processingTime(), unknown), or(topic.authority(), unknown),
                or(online, unknown), link, facet == null ? null : facet.name().toLowerCase(Locale.ROOT));
        return new ComposedAnswer(text.toString(), parts);
    }

    /** For a curated entry: the catalogue codes it covers (with their checked links) and its dates. */
    String codesAndDate(Topic topic) {
        StringBuilder text = new StringBuilder();
        for (String code : topic.procedureCodes()) {
            text.append("\n").append(messages.get("answer.catalogue.code", code));
            content.checkedLink(code).ifPresent(url -> text.append("\n").append(messages.get("answer.catalogue.page", url)));
        }
        return text + dates(topic);
    }

    private String dates(Topic topic) {
        String out = "\n" + messages.get("answer.updated", topic.reviewed().format(DAY));
        if (topic.isStaleOn(clock.today())) {
            out += "\n" + messages.get("answer.stale", topic.officialUrl() == null ? PORTAL : topic.officialUrl());
        }
        return out;
    }

    private String lookUp(@Nullable String url, String code) {
        if (url != null) {
            return messages.get("answer.catalogue.page", url);
        }
        return code.isEmpty() ? messages.get("answer.catalogue.searchName", PORTAL)
                : messages.get("answer.catalogue.searchCode", PORTAL, code);
    }

    private void line(StringBuilder text, String key, String value) {
        if (value != null && !value.isBlank()) {
            text.append('\n').append(messages.get(key, value));
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
