package vn.dvcassistant.kb;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * TEMPORARY stand-in with the public API of the knowledge-base module's engine (branch kb), so the
 * app compiles before that branch lands. It knows no topics. Deleted when kb is merged.
 */
public final class KnowledgeBase {

    private final Instant loadedAt = Instant.now();

    public static KnowledgeBase fromClasspath() {
        return new KnowledgeBase();
    }

    public static KnowledgeBase fromDirectory(Path directory) {
        return new KnowledgeBase();
    }

    public SearchResult search(String query, int k) {
        SearchOutcome outcome = query == null || query.isBlank() ? SearchOutcome.EMPTY_QUERY : SearchOutcome.FALLBACK;
        return new SearchResult(query, List.of(), 0, outcome);
    }

    public Optional<Topic> topic(String id) {
        return Optional.empty();
    }

    public List<Topic> topics() {
        return List.of();
    }

    public List<Topic> staleOn(LocalDate day) {
        return List.of();
    }

    public Instant loadedAt() {
        return loadedAt;
    }
}
