package vn.dvcassistant.app.conversation;

import io.micronaut.context.annotation.Bean;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.app.llm.AnswerGuard;
import vn.dvcassistant.app.llm.ComposerOutcomes;
import vn.dvcassistant.app.llm.GuardReason;
import vn.dvcassistant.app.llm.ModelCalls;
import vn.dvcassistant.app.llm.ModelReply;
import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers composed by a language model from the one entry the search chose, when a model is configured.
 * The template's answer is decided first, as without a model; this then asks the model with the masked
 * question, and sends its text only if {@link AnswerGuard} finds nothing in it that the entry does not say.
 * On any refusal, failure or timeout the template's answer stays. Sources and parts stay the entry's: the
 * model cannot add a source, and the official link is appended to its text by us.
 */
@Singleton
@Bean(typed = ModelAnswerComposer.class) // not a second AnswerComposer for AnswerDecisions to choose between
public class ModelAnswerComposer implements AnswerComposer {

    private static final int PREVIOUS_TURNS = 2;
    private static final Pattern MARKDOWN = Pattern.compile("\\*\\*|__|```|(?m)^\\s{0,3}#{1,6}\\s+");

    private final TemplateAnswerComposer template;
    private final ModelCalls model;
    private final ComposerOutcomes outcomes;
    private final KnowledgeBase knowledgeBase;
    private final ExchangeRepository exchanges;
    private final Messages messages;

    ModelAnswerComposer(TemplateAnswerComposer template, ModelCalls model, ComposerOutcomes outcomes,
                        KnowledgeBase knowledgeBase, ExchangeRepository exchanges, Messages messages) {
        this.template = template;
        this.model = model;
        this.outcomes = outcomes;
        this.knowledgeBase = knowledgeBase;
        this.exchanges = exchanges;
        this.messages = messages;
    }

    public boolean enabled() {
        return model.enabled();
    }

    @Override
    public ComposedAnswer compose(Topic topic, @Nullable Facet facet, String question) {
        return compose(topic, facet, question, List.of()).answer();
    }

    /**
     * The engine's step after the chain decided (and outside its database connection, since a model may take
     * seconds): an answer's text is replaced by the model's when the guard accepts it. Anything else, and
     * every decision when no model is configured, is returned as it is.
     */
    Decision recompose(Decision decision, String question, String sessionKey) {
        if (!model.enabled() || decision.kind() != ReplyKind.ANSWER || decision.topicId() == null) {
            return decision;
        }
        Optional<Topic> topic = knowledgeBase.topic(decision.topicId());
        if (topic.isEmpty()) {
            return decision;
        }
        Facet facet = decision.parts() == null || decision.parts().focus() == null ? null
                : Facet.valueOf(decision.parts().focus().toUpperCase(Locale.ROOT));
        Composition composed = compose(topic.get(), facet, question, previousQuestions(sessionKey));
        return composed.byModel() ? decision.composedByModel(composed.answer().text()) : decision;
    }

    /** The model's answer when the guard accepts it, the template's otherwise; the outcome is counted either way. */
    Composition compose(Topic topic, @Nullable Facet facet, String question, List<String> previousMasked) {
        ComposedAnswer fallback = template.compose(topic, facet, question);
        ModelReply reply = model.ask(ModelPrompt.messages(topic, facet, PersonalDataMasker.mask(question),
                previousMasked));
        GuardReason refused = reply.failure();
        String text = reply.text() == null ? null : MARKDOWN.matcher(reply.text()).replaceAll("").strip();
        if (refused == null) {
            refused = AnswerGuard.check(text, ModelPrompt.entryText(topic), ModelPrompt.wantsLists(facet)).orElse(null);
        }
        outcomes.record(topic.id(), refused, reply.modelTime());
        if (refused != null) {
            return new Composition(fallback, refused, reply.modelTime());
        }
        String withLink = text + "\n\n" + messages.get("answer.officialUrl", topic.officialUrl());
        return new Composition(new ComposedAnswer(withLink, fallback.parts()), null, reply.modelTime());
    }

    /** The session's earlier questions, oldest first, as stored (masked). */
    private List<String> previousQuestions(String sessionKey) {
        List<String> newestFirst = new ArrayList<>(exchanges.findRecentQuestions(sessionKey, PREVIOUS_TURNS));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * @param refused why the model's answer was not used, or null when it was
     */
    record Composition(ComposedAnswer answer, @Nullable GuardReason refused, Duration modelTime) {

        boolean byModel() {
            return refused == null;
        }
    }
}
