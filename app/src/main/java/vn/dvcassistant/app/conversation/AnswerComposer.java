package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.kb.Topic;

/**
 * Turns a knowledge-base entry into the reply. One seam so that a composer backed by a language
 * model (rephrasing the entry, never adding facts) can replace the template without touching the engine.
 */
public interface AnswerComposer {

    /**
     * @param question the citizen's text, as typed
     * @param facet    the aspect asked about, or null for the whole procedure
     */
    ComposedAnswer compose(Topic topic, @Nullable Facet facet, String question);
}
