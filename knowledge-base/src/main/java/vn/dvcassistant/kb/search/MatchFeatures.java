package vn.dvcassistant.kb.search;

/**
 * How well one topic matches a query, on scales that do not depend on the query's length or on the
 * size of the knowledge base.
 *
 * @param coverage       IDF-weighted share of the query's informative syllables (not stop words) the
 *                       topic contains; an unknown syllable ("bitcoin") weighs as much as the rarest
 * @param bigramCoverage IDF-weighted share of the query's syllable bigrams the topic contains
 *                       (equal to {@code coverage} for a one-syllable query)
 * @param relativeScore  the topic's score divided by the score of a perfect self-match (a topic
 *                       holding every query term in its best field)
 * @param margin         (this score − the next best score) / this score for the top hit; for a lower
 *                       hit, (this score − the top score) / the top score, so it is negative
 */
record MatchFeatures(double coverage, double bigramCoverage, double relativeScore, double margin) {

    double[] asArray() {
        return new double[] {coverage, bigramCoverage, relativeScore, margin};
    }
}
