package vn.dvcassistant.kb;

import java.util.List;

/**
 * Ranked hits for one query.
 *
 * @param confidence the top hit's confidence, or 0 when there is none
 * @param outcome    answer, clarify between the first 2-3 hits, fall back, or empty query
 */
public record SearchResult(String query, List<SearchHit> hits, double confidence, SearchOutcome outcome) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
