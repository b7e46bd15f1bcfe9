package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.satisfaction.RatingAgencies;
import vn.dvcassistant.app.satisfaction.SatisfactionLevel;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.Topic;

import java.util.Arrays;
import java.util.List;

/** An answer about one topic, composed, with its source, related topics and the offer to rate it. */
@Singleton
final class AnswerDecisions {

    private static final List<String> SATISFACTION_LEVELS = Arrays.stream(SatisfactionLevel.values())
            .map(SatisfactionLevel::code).toList();

    private final AnswerComposer composer;
    private final RatingAgencies ratingAgencies;

    AnswerDecisions(AnswerComposer composer, RatingAgencies ratingAgencies) {
        this.composer = composer;
        this.ratingAgencies = ratingAgencies;
    }

    Decision answer(Topic topic, @Nullable Facet facet, String question, double confidence, List<SearchHit> related) {
        ComposedAnswer composed = composer.compose(topic, facet, question);
        ChatReply.Source source = new ChatReply.Source(topic.id(), topic.title(), topic.officialUrl(),
                topic.field().code());
        List<ChatReply.Suggestion> suggestions = related.stream()
                .map(h -> new ChatReply.Suggestion(h.topic().id(), h.topic().title())).toList();
        // dvc-chung topics are about the portal itself, not a procedure the citizen went through.
        ChatReply.SatisfactionPrompt prompt = topic.field() == Field.DVC_CHUNG ? null
                : new ChatReply.SatisfactionPrompt(topic.id(), SATISFACTION_LEVELS, ratingAgencies.choices(topic)
                        .stream().map(c -> new ChatReply.AgencyChoice(c.agency() == null ? null : c.agency().code(),
                                c.label(), c.communeKind() == null ? null : c.communeKind().code())).toList());
        return Decision.answer(composed.text(), confidence, source, suggestions, composed.parts(), prompt);
    }
}
