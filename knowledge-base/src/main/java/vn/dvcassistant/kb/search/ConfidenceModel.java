package vn.dvcassistant.kb.search;

import java.util.List;
import vn.dvcassistant.kb.SearchOutcome;

/**
 * Turns the evidence about the first candidates into calibrated probabilities with two logistic
 * regressions, and decides the outcome.
 *
 * <ul>
 *   <li>{@link #topOne}: probability that the candidate is the topic meant (an out-of-scope question
 *       counts as "not meant"); its threshold decides {@link SearchOutcome#ANSWER}.
 *   <li>{@link #topThree}: probability that the topic meant is among the first three candidates; its
 *       threshold decides between {@link SearchOutcome#CLARIFY} and {@link SearchOutcome#FALLBACK}.
 * </ul>
 *
 * <p>{@link #COMBINED} is used with the topic classifier (every knowledge base of up to
 * {@link TopicIndex#MAX_CLASSIFIER_TOPICS} topics); {@link #LEXICAL}, from BM25 evidence alone, above
 * that. Both are refitted by {@code ConfidenceModelFitTest}, which prints new constants; the
 * knowledge-base README explains the procedure.
 */
final class ConfidenceModel {

    /**
     * Inputs: classifier probability, its lead over the next candidate, coverage × bigram coverage,
     * relative BM25 score, whether BM25 alone ranks the topic first, the classifier's probability that
     * the question is out of scope, the share of content words no topic uses, probability × coverage, and
     * whether the question names the topic (a term of its title or keywords that at most two topics share). Fitted by ConfidenceModelFitTest
     * on questions the classifier was not trained on (cross-fitted over the dev and tune sets).
     */
    static final ConfidenceModel COMBINED = new ConfidenceModel(
            new double[] {-2.375, -0.069, 0.926, 2.272, -0.309, 2.510, -2.897, -2.130, 2.747, -0.360},
            new double[] {-1.390, 7.234, -4.668, 2.840, -1.131, 0.987, -4.144, -4.218, 2.603, -0.265},
            0.7, 0.5);

    /** Inputs: coverage × bigram coverage, relative score, margin, coverage × margin (see {@link MatchFeatures}). */
    static final ConfidenceModel LEXICAL = new ConfidenceModel(
            new double[] {-4.066, 2.358, 9.445, -2.971, 10.275},
            new double[] {-2.857, 6.534, 9.514, -5.214, 7.813},
            0.65, 0.5);

    final double[] topOneCoefficients;
    final double[] topThreeCoefficients;
    final double answerThreshold;
    final double clarifyThreshold;

    ConfidenceModel(double[] topOne, double[] topThree, double answerThreshold, double clarifyThreshold) {
        this.topOneCoefficients = topOne;
        this.topThreeCoefficients = topThree;
        this.answerThreshold = answerThreshold;
        this.clarifyThreshold = clarifyThreshold;
    }

    double topOne(TopicIndex.Ranking ranking, int i) {
        return logistic(topOneCoefficients, inputs(ranking, i));
    }

    double topThree(TopicIndex.Ranking ranking, int i) {
        return logistic(topThreeCoefficients, inputs(ranking, i));
    }

    /** The regression inputs for candidate {@code i} of a ranking. */
    double[] inputs(TopicIndex.Ranking ranking, int i) {
        List<TopicIndex.Candidate> ranked = ranking.candidates();
        TopicIndex.Candidate c = ranked.get(i);
        MatchFeatures f = c.features();
        if (this == LEXICAL) {
            // With the four features added independently, a wide margin bought confidence even when the
            // question was mostly about something else ("bitcoin có nên đầu tư không"); the products make
            // a clear lead count only as far as the question is covered.
            return new double[] {
                f.coverage() * f.bigramCoverage(), f.relativeScore(), f.margin(), f.coverage() * f.margin()
            };
        }
        double next = i + 1 < ranked.size() ? ranked.get(i + 1).probability() : 0;
        double covered = f.coverage() * f.bigramCoverage();
        return new double[] {
            c.probability(), c.probability() - next, covered, f.relativeScore(), c.lexicalRank() == 0 ? 1 : 0,
            ranking.outOfScope(), ranking.unknown(), c.probability() * f.coverage(), c.named() ? 1 : 0
        };
    }

    SearchOutcome decide(double topOne, double topThree, int hitCount) {
        if (topOne >= answerThreshold) {
            return SearchOutcome.ANSWER;
        }
        if (hitCount >= 2 && topThree >= clarifyThreshold) {
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
