package vn.dvcassistant.kb;

/** What the caller should do with a search result, decided from the calibrated confidence. */
public enum SearchOutcome {
    /** The top hit is confident enough to answer with. */
    ANSWER,
    /** Two or three close topics: ask the citizen which one was meant. */
    CLARIFY,
    /** Nothing matches well enough: say honestly that the assistant does not know. */
    FALLBACK,
    /** The query has no searchable text (empty, whitespace, emoji only). */
    EMPTY_QUERY
}
