package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.privacy.PersonalDataMasker;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchResult;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The field a comment or a handed-over question is about, read from its own text: searched like a question, and
 * when the knowledge base would answer it, the topic's field; when it would ask which of two or three topics was
 * meant, their field if they share one. The chat's previous topic ({@code hint}) counts only when the text matches
 * nothing (or only the general topics): a complaint about birth registration sent after a question on residence
 * must reach the civil-status agency, not the police.
 */
@Singleton
public class CommentTextRouting {

    private static final int HITS = 3;

    private final KnowledgeBase knowledgeBase;

    CommentTextRouting(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public Field fieldOf(String text, @Nullable Field hint) {
        // Masked first: a phone or identity number is no clue to the field, and must not be searched on.
        SearchResult result = knowledgeBase.search(PersonalDataMasker.mask(text), HITS);
        Field found = switch (result.outcome()) {
            case ANSWER -> result.hits().isEmpty() ? null : result.hits().get(0).topic().field();
            case CLARIFY -> commonField(result.clarifyOptions());
            default -> null;
        };
        // A match among the general topics (the portal, accounts) says less than the procedure just asked about.
        if (found == null || (found == Field.DVC_CHUNG && hint != null)) {
            return hint != null ? hint : Field.DVC_CHUNG;
        }
        return found;
    }

    /** Whether the procedure the text is about is one the commune handles (its answer's authority is "cấp xã"). */
    public boolean communeLevel(String text) {
        SearchResult result = knowledgeBase.search(PersonalDataMasker.mask(text), HITS);
        return result.outcome() == vn.dvcassistant.kb.SearchOutcome.ANSWER && !result.hits().isEmpty()
                && communeAuthority(result.hits().get(0).topic().authority());
    }

    static boolean communeAuthority(@Nullable String authority) {
        return vn.dvcassistant.app.province.Folding.fold(authority).contains("cap xa");
    }

    /** The field all the close topics share, or null when they differ (the text is not clearly about one). */
    private static Field commonField(List<SearchHit> options) {
        Set<Field> fields = options.stream().map(h -> h.topic().field()).collect(Collectors.toSet());
        return fields.size() == 1 ? fields.iterator().next() : null;
    }
}
