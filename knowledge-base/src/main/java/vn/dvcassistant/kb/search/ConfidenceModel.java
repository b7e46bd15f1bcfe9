package vn.dvcassistant.kb.search;

import vn.dvcassistant.kb.SearchOutcome;

/**
 * Turns {@link MatchFeatures} into calibrated probabilities with two logistic regressions fitted on
 * the dev question set (src/test/resources/eval/questions.tsv), and decides the outcome.
 *
 * <ul>
 *   <li>{@link #topOne}: probability that the top hit is the topic meant (an out-of-scope question
 *       counts as "not meant"); its threshold decides {@link SearchOutcome#ANSWER}.
 *   <li>{@link #topThree}: probability that the topic meant is among the first three hits; its
 *       threshold decides between {@link SearchOutcome#CLARIFY} and {@link SearchOutcome#FALLBACK}.
 * </ul>
 *
 * <p>Refit with {@code ConfidenceModelFitTest} (it prints new constants) after large content
 * changes; the README explains the procedure.
 */
final class ConfidenceModel {

    // Fitted by ConfidenceModelFitTest on the dev set: see knowledge-base/README.md.
    static final double[] TOP_ONE = {-4.066, 2.358, 9.445, -2.971, 10.275};
    static final double[] TOP_THREE = {-2.857, 6.534, 9.514, -5.214, 7.813};

    static final double ANSWER_THRESHOLD = 0.65;
    static final double CLARIFY_THRESHOLD = 0.5;

    private ConfidenceModel() {
    }

    static double topOne(MatchFeatures f) {
        return logistic(TOP_ONE, inputs(f));
    }

    static double topThree(MatchFeatures f) {
        return logistic(TOP_THREE, inputs(f));
    }

    /**
     * The regressions' inputs: coverage × bigram coverage, relative score, margin, coverage × margin.
     * With the four features added independently, a wide margin bought confidence even when the
     * question was mostly about something else ("bitcoin có nên đầu tư không"); the products make a
     * clear lead count only as far as the question is covered.
     */
    static double[] inputs(MatchFeatures f) {
        return new double[] {
            f.coverage() * f.bigramCoverage(), f.relativeScore(), f.margin(), f.coverage() * f.margin()
        };
    }

    static SearchOutcome decide(double topOne, double topThree, int hitCount) {
        if (topOne >= ANSWER_THRESHOLD) {
            return SearchOutcome.ANSWER;
        }
        if (hitCount >= 2 && topThree >= CLARIFY_THRESHOLD) {
            return SearchOutcome.CLARIFY;
        }
        return SearchOutcome.FALLBACK;
    }

    static double logistic(double[] coefficients, double[] x) {
        double z = coefficients[0];
        for (int i = 0; i < x.length; i++) {
            z += coefficients[i + 1] * x[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
