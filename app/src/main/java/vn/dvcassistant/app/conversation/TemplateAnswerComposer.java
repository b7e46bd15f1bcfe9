package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;

import java.util.List;
import java.util.Locale;

/**
 * Composes from the entry alone, so every fact in an answer is one an editor wrote: summary first,
 * then steps, documents, fee, time, authority and the official link. A facet question gets the
 * title, that one part and the link. An information topic has no procedure fields: its answer is the
 * summary, steps and link, and a question about a fee or a time it does not state gets its first reply.
 */
@Singleton
final class TemplateAnswerComposer implements AnswerComposer {

    private final Messages messages;
    private final CatalogueAnswers catalogue;

    TemplateAnswerComposer(Messages messages, CatalogueAnswers catalogue) {
        this.messages = messages;
        this.catalogue = catalogue;
    }

    @Override
    public ComposedAnswer compose(Topic topic, @Nullable Facet facet, String question) {
        if (CatalogueTopics.isCatalogue(topic)) {
            return catalogue.compose(topic, facet);
        }
        Facet answered = facet != null && answers(topic, facet) ? facet : null;
        AnswerParts parts = new AnswerParts(topic.title(), topic.kind().code(), topic.firstReply(), topic.summary(),
                topic.steps(), topic.documents(), topic.fee(), topic.processingTime(), topic.authority(),
                topic.online() == null ? null : topic.online().label(), topic.officialUrl(),
                answered == null ? null : answered.name().toLowerCase(Locale.ROOT));
        String text = answered == null ? fullText(topic) : facetText(topic, answered);
        return new ComposedAnswer(text + catalogue.codesAndDate(topic), parts);
    }

    /** Whether the entry states the part asked for; an information topic states no fee, time, place or level. */
    private static boolean answers(Topic topic, Facet facet) {
        return switch (facet) {
            case FEE, TIME, AUTHORITY, ONLINE -> topic.isProcedure();
            case DOCUMENTS -> !topic.documents().isEmpty();
            case STEPS -> !topic.steps().isEmpty();
        };
    }

    private String fullText(Topic topic) {
        StringBuilder text = new StringBuilder(topic.title()).append('\n').append(topic.summary());
        appendList(text, messages.get("answer.steps"), topic.steps(), true);
        appendList(text, messages.get("answer.documents"), topic.documents(), false);
        if (!topic.isProcedure()) {
            text.append("\n\n").append(messages.get("answer.officialUrl", topic.officialUrl()));
            return text.toString();
        }
        text.append("\n\n").append(messages.get("answer.fee", topic.fee()));
        text.append('\n').append(messages.get("answer.processingTime", topic.processingTime()));
        text.append('\n').append(messages.get("answer.authority", topic.authority()));
        text.append('\n').append(messages.get("answer.online", topic.online().label()));
        text.append("\n\n").append(messages.get("answer.officialUrl", topic.officialUrl()));
        return text.toString();
    }

    private String facetText(Topic topic, Facet facet) {
        StringBuilder text = new StringBuilder(topic.title()).append('\n');
        switch (facet) {
            case FEE -> text.append(messages.get("answer.fee", topic.fee()));
            case TIME -> text.append(messages.get("answer.processingTime", topic.processingTime()));
            case AUTHORITY -> text.append(messages.get("answer.authority", topic.authority()));
            case ONLINE -> text.append(onlineSentence(topic.online()));
            case DOCUMENTS -> appendList(text, messages.get("answer.documents"), topic.documents(), false);
            case STEPS -> appendList(text, messages.get("answer.steps"), topic.steps(), true);
        }
        text.append("\n\n").append(messages.get("answer.officialUrl", topic.officialUrl()));
        return text.toString().replace("\n\n\n", "\n\n");
    }

    private String onlineSentence(OnlineLevel level) {
        return messages.get("answer.online." + level.name().toLowerCase(Locale.ROOT));
    }

    private static void appendList(StringBuilder text, String heading, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        text.append("\n\n").append(heading);
        for (int i = 0; i < items.size(); i++) {
            text.append('\n').append(numbered ? (i + 1) + ". " : "- ").append(items.get(i));
        }
    }
}
