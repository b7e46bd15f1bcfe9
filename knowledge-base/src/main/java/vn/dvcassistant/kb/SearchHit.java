package vn.dvcassistant.kb;

/**
 * A ranked topic for a query.
 *
 * @param score      the raw Lucene score, only comparable within one query
 * @param confidence estimated probability in [0,1] that this topic is what the citizen meant
 */
public record SearchHit(Topic topic, double score, double confidence) {
}
