package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.VietnameseText;
import vn.dvcassistant.kb.content.ContentLoader;
import vn.dvcassistant.kb.content.ContentSource;
import vn.dvcassistant.kb.content.LoadedContent;

/**
 * The reproducible fitting procedure of {@link ConfidenceModel}. It refits both logistic regressions on
 * the dev set (each question as written and without diacritics), prints the coefficients to paste into
 * {@link ConfidenceModel} and a calibration table, and fails when the shipped constants have drifted
 * from the best fit for the current content (then: paste the printed constants and rerun).
 *
 * <p>Run alone: {@code mvn -B -o -q -pl knowledge-base test -Dtest=ConfidenceModelFitTest}.
 */
class ConfidenceModelFitTest {

    /** How much worse (mean log-loss, nats) the shipped constants may be than a fresh fit. */
    static final double DRIFT_TOLERANCE = 0.03;

    /** Both spellings of a question fall in the same fold, and the model never sees the question it scores. */
    static final int FOLDS = 5;

    @Test
    void shippedConstantsAreCloseToTheBestFitOnQuestionsTheClassifierDidNotLearn() {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        List<EvalSet.Item> asked = new ArrayList<>();
        for (String set : TRAINING_SETS) {
            asked.addAll(EvalSet.fromClasspath(set).items());
        }
        Data data = Data.crossFitted(content, asked);

        double[] topOne = LogisticRegression.fit(data.features, data.topOne);
        double[] topThree = LogisticRegression.fit(data.features, data.topThree);
        System.out.println("Ranking alone (dev + tune, cross-fitted, both spellings): top-1 " + pct(data.topOne)
                + ", top-3 " + pct(data.topThree) + " of " + data.features.size() + " questions incl. out-of-scope as wrong");
        System.out.println("Fitted TOP_ONE   = " + constants(topOne));
        System.out.println("Fitted TOP_THREE = " + constants(topThree));
        ConfidenceModel shipped = ConfidenceModel.COMBINED;
        System.out.println(calibration("cross-fitted, shipped TOP_ONE", data, shipped.topOneCoefficients));
        System.out.println(thresholds(data, topOne));
        System.out.println(clarifyRules(data, shipped));

        double shipped1 = LogisticRegression.logLoss(shipped.topOneCoefficients, data.features, data.topOne);
        double best1 = LogisticRegression.logLoss(topOne, data.features, data.topOne);
        double shipped3 = LogisticRegression.logLoss(shipped.topThreeCoefficients, data.features, data.topThree);
        double best3 = LogisticRegression.logLoss(topThree, data.features, data.topThree);
        System.out.printf(Locale.ROOT, "log-loss top-1 shipped %.4f best %.4f; top-3 shipped %.4f best %.4f%n",
                shipped1, best1, shipped3, best3);
        assertThat(shipped1).as("TOP_ONE drifted: paste the fitted constants").isLessThan(best1 + DRIFT_TOLERANCE);
        assertThat(shipped3).as("TOP_THREE drifted: paste the fitted constants").isLessThan(best3 + DRIFT_TOLERANCE);
    }

    /** The sets whose questions are also in the content as ways of asking (the classifier learns them). */
    static final List<String> TRAINING_SETS = List.of("eval/questions.tsv", "eval/tune.tsv", "eval/tune4.tsv",
            "eval/unseen3.tsv", "eval/tune5.tsv");

    /** Features of the top candidate and whether it (or the first three) is the topic meant. */
    record Data(List<double[]> features, List<Boolean> topOne, List<Boolean> topThree, List<Boolean> outOfScope) {

        /**
         * Each question is scored by an index whose content lacks it and every question of its fold, so
         * the classifier's confidence is measured as on a question it never learned.
         */
        static Data crossFitted(LoadedContent content, List<EvalSet.Item> asked) {
            Data data = new Data(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int fold = 0; fold < FOLDS; fold++) {
                int f = fold;
                List<EvalSet.Item> held = asked.stream().filter(i -> Math.floorMod(i.question().hashCode(), FOLDS) == f).toList();
                java.util.Set<String> heldQuestions = held.stream().map(EvalSet.Item::question)
                        .collect(java.util.stream.Collectors.toSet());
                List<Topic> topics = content.topics().stream().map(t -> withoutQuestions(t, heldQuestions)).toList();
                List<String> outOfScope = content.outOfScope().stream().filter(q -> !heldQuestions.contains(q)).toList();
                TopicIndex index = TopicIndex.build(topics, content.synonyms(), outOfScope);
                for (EvalSet.Item item : held) {
                    for (String question : List.of(item.question(), VietnameseText.fold(item.question()))) {
                        TopicIndex.Ranking ranking = index.rank(question, Accuracy.K);
                        List<TopicIndex.Candidate> c = ranking.candidates();
                        if (c.isEmpty()) {
                            continue;
                        }
                        boolean first = !item.outOfScope() && c.get(0).topic().id().equals(item.topic());
                        boolean three = !item.outOfScope() && c.stream().limit(3).anyMatch(h -> h.topic().id().equals(item.topic()));
                        data.features.add(ConfidenceModel.COMBINED.inputs(ranking, 0));
                        data.topOne.add(first);
                        data.topThree.add(three);
                        data.outOfScope.add(item.outOfScope());
                        if (Boolean.getBoolean("kb.misses") && question.equals(item.question())) {
                            double p1 = ConfidenceModel.COMBINED.topOne(ranking, 0);
                            if (item.outOfScope() ? p1 >= 0.5 : !first) {
                                System.out.printf(Locale.ROOT, "  %s %.2f oos=%.2f x=%s got %s <- %s%n", item.topic(), p1,
                                        ranking.outOfScope(), Arrays.toString(ConfidenceModel.COMBINED.inputs(ranking, 0)),
                                        c.get(0).topic().id(), item.question());
                            }
                        }
                    }
                }
            }
            return data;
        }

        static Topic withoutQuestions(Topic t, java.util.Set<String> held) {
            List<String> questions = t.questions().stream().filter(q -> !held.contains(q)).toList();
            return new Topic(t.id(), t.title(), t.field(), t.authority(), t.online(), t.summary(), t.steps(),
                    t.documents(), t.fee(), t.processingTime(), t.legalBasis(), t.officialUrl(), questions,
                    t.keywords(), t.sources(), t.reviewed(), t.reviewBy(), t.kind(), t.shortAnswer(), t.procedureCodes());
        }
    }

    static String calibration(String title, Data data, double[] coefficients) {
        int[] n = new int[10];
        int[] correct = new int[10];
        for (int i = 0; i < data.features.size(); i++) {
            double p = ConfidenceModel.logistic(coefficients, data.features.get(i));
            int bucket = Math.min(9, (int) (p * 10));
            n[bucket]++;
            if (data.topOne.get(i)) {
                correct[bucket]++;
            }
        }
        StringBuilder out = new StringBuilder("Calibration (" + title + "): confidence bucket | questions | top-1 correct\n");
        for (int b = 0; b < 10; b++) {
            out.append(String.format(Locale.ROOT, "  %.1f-%.1f | %4d | %s%n", b / 10.0, (b + 1) / 10.0, n[b],
                    n[b] == 0 ? "-" : String.format(Locale.ROOT, "%5.1f%%", 100.0 * correct[b] / n[b])));
        }
        return out.toString();
    }

    /** For candidate ANSWER thresholds on the fitted model: answered-and-right, answered-but-wrong. */
    static String thresholds(Data data, double[] coefficients) {
        StringBuilder out = new StringBuilder("ANSWER threshold | in scope answered right | in scope answered wrong"
                + " | out of scope answered | wrong at >= 0.8 (in scope, out of scope)\n");
        for (int step = 8; step <= 19; step++) {
            double t = step / 20.0;
            int inScope = 0, right = 0, wrong = 0, oos = 0, oosAnswered = 0, confidentWrong = 0, confidentOos = 0;
            for (int i = 0; i < data.features.size(); i++) {
                double p = ConfidenceModel.logistic(coefficients, data.features.get(i));
                boolean oosItem = data.outOfScope.get(i);
                if (oosItem) {
                    oos++;
                } else {
                    inScope++;
                }
                if (p < t) {
                    continue;
                }
                if (oosItem) {
                    oosAnswered++;
                    confidentOos += p >= 0.8 ? 1 : 0;
                } else if (data.topOne.get(i)) {
                    right++;
                } else {
                    wrong++;
                    confidentWrong += p >= 0.8 ? 1 : 0;
                }
            }
            out.append(String.format(Locale.ROOT, "  %.2f | %5.1f%% | %4.1f%% | %d/%d | %d, %d%n", t, 100.0 * right / inScope,
                    100.0 * wrong / inScope, oosAnswered, oos, confidentWrong, confidentOos));
        }
        return out.toString();
    }

    /**
     * Of the questions not answered at the shipped threshold: how many in scope a clarify question helps
     * (the topic meant among the first three) and how many out of scope it offers topics to, for the
     * shipped rule and stricter ones (a minimum top-one confidence, or the out-of-scope probability).
     */
    static String clarifyRules(Data data, ConfidenceModel model) {
        StringBuilder out = new StringBuilder("Clarify rule | in scope helped / clarified | out of scope clarified\n");
        double[][] rules = {{0, 1.01}, {0.1, 1.01}, {0.15, 1.01}, {0.2, 1.01}, {0, 0.5}, {0.1, 0.5}};
        for (double[] rule : rules) {
            int helped = 0, clarifiedIn = 0, clarifiedOut = 0;
            for (int i = 0; i < data.features.size(); i++) {
                double[] x = data.features.get(i);
                double one = ConfidenceModel.logistic(model.topOneCoefficients, x);
                double three = ConfidenceModel.logistic(model.topThreeCoefficients, x);
                if (one >= model.answerThreshold) {
                    continue;
                }
                boolean clarify = three >= model.clarifyThreshold && one >= rule[0] && x[5] < rule[1];
                if (!clarify) {
                    continue;
                }
                if (data.outOfScope.get(i)) {
                    clarifiedOut++;
                } else {
                    clarifiedIn++;
                    helped += data.topThree.get(i) ? 1 : 0;
                }
            }
            out.append(String.format(Locale.ROOT, "  topOne >= %.2f, out of scope < %.2f | %d / %d | %d%n", rule[0], rule[1],
                    helped, clarifiedIn, clarifiedOut));
        }
        return out.toString();
    }

    private static String pct(List<Boolean> flags) {
        long yes = flags.stream().filter(b -> b).count();
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * yes / flags.size());
    }

    private static String constants(double[] w) {
        return "{" + Arrays.stream(w).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
                .collect(Collectors.joining(", ")) + "}";
    }
}
