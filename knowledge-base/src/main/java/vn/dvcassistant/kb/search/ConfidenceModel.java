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
    static final double[] TOP_ONE = {-6.521, 3.501, 3.408, 6.890, 5.511};
    static final double[] TOP_THREE = {-4.627, 3.859, 8.794, 9.751, -2.641};

    static final double ANSWER_THRESHOLD = 0.65;
    static final double CLARIFY_THRESHOLD = 0.5;

    private ConfidenceModel() {
    }

    static double topOne(MatchFeatures f) {
        return logistic(TOP_ONE, f.asArray());
    }

    static double topThree(MatchFeatures f) {
        return logistic(TOP_THREE, f.asArray());
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
