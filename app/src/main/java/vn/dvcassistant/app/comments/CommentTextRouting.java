package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

/**
 * The field a comment or a handed-over question is about, read from its own text: searched like a question, and
 * when the knowledge base would answer it or ask which of two or three topics was meant, the first topic's field.
 * The chat's previous topic ({@code hint}) counts only when the text matches nothing: a complaint about birth
 * registration sent after a question on residence must reach the civil-status agency, not the police.
 */
@Singleton
public class CommentTextRouting {

    private static final int HITS = 3;

    private final KnowledgeBase knowledgeBase;

    CommentTextRouting(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public Field fieldOf(String text, @Nullable Field hint) {
        SearchResult result = knowledgeBase.search(text, HITS);
        boolean matches = (result.outcome() == SearchOutcome.ANSWER || result.outcome() == SearchOutcome.CLARIFY)
                && !result.hits().isEmpty();
        if (matches) {
            return result.hits().get(0).topic().field();
        }
        return hint != null ? hint : Field.DVC_CHUNG;
    }
}
