package vn.dvcassistant.kb;

import java.util.List;

/**
 * Ranked hits for one query.
 *
 * @param confidence the top hit's confidence, or 0 when there is none
 * @param outcome    answer, clarify between the first 2-3 hits, fall back, or empty query
 * @param followUp   true when the question has no subject of its own ("lệ phí bao nhiêu?") or is about
 *                   the previous topic, and is answered from it (the first hit)
 */
public record SearchResult(String query, List<SearchHit> hits, double confidence, SearchOutcome outcome,
        boolean followUp) {

    /** In a clarifying question, a topic is offered only if its score is at least this share of the top score. */
    public static final double CLARIFY_SCORE_RATIO = 0.5;

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public SearchResult(String query, List<SearchHit> hits, double confidence, SearchOutcome outcome) {
        this(query, hits, confidence, outcome, false);
    }

    /**
     * The topics to offer when the outcome is {@link SearchOutcome#CLARIFY}: the first two hits, and the
     * third when it scores close enough; empty for any other outcome.
     */
    public List<SearchHit> clarifyOptions() {
        if (outcome != SearchOutcome.CLARIFY || hits.isEmpty()) {
            return List.of();
        }
        int n = Math.min(2, hits.size());
        if (hits.size() >= 3 && hits.get(2).score() >= CLARIFY_SCORE_RATIO * hits.get(0).score()) {
            n = 3;
        }
        return hits.subList(0, n);
    }
}
