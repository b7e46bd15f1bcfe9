package vn.dvcassistant.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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

    @Test
    void shippedConstantsAreCloseToTheBestFitOnTheDevSet() {
        LoadedContent content = new ContentLoader().load(ContentSource.classpath());
        TopicIndex index = TopicIndex.build(content.topics(), content.synonyms());
        EvalSet dev = EvalSet.fromClasspath("eval/questions.tsv");
        Data data = Data.collect(index, List.of(dev, dev.map("(no diacritics)", VietnameseText::fold)));

        double[] topOne = LogisticRegression.fit(data.features, data.topOne);
        double[] topThree = LogisticRegression.fit(data.features, data.topThree);
        System.out.println("Ranking alone (dev, both spellings): top-1 " + pct(data.topOne) + ", top-3 " + pct(data.topThree)
                + " of " + data.features.size() + " questions incl. out-of-scope as wrong");
        System.out.println("Fitted TOP_ONE   = " + constants(topOne));
        System.out.println("Fitted TOP_THREE = " + constants(topThree));
        System.out.println(calibration("dev, shipped TOP_ONE", data, ConfidenceModel.TOP_ONE));
        System.out.println(thresholds(data, topOne));

        double shipped1 = LogisticRegression.logLoss(ConfidenceModel.TOP_ONE, data.features, data.topOne);
        double best1 = LogisticRegression.logLoss(topOne, data.features, data.topOne);
        double shipped3 = LogisticRegression.logLoss(ConfidenceModel.TOP_THREE, data.features, data.topThree);
        double best3 = LogisticRegression.logLoss(topThree, data.features, data.topThree);
        System.out.printf(Locale.ROOT, "log-loss top-1 shipped %.4f best %.4f; top-3 shipped %.4f best %.4f%n",
                shipped1, best1, shipped3, best3);
        assertThat(shipped1).as("TOP_ONE drifted: paste the fitted constants").isLessThan(best1 + DRIFT_TOLERANCE);
        assertThat(shipped3).as("TOP_THREE drifted: paste the fitted constants").isLessThan(best3 + DRIFT_TOLERANCE);
    }

    /** Features of the top hit and whether it (or the first three hits) is the topic meant. */
    record Data(List<double[]> features, List<Boolean> topOne, List<Boolean> topThree) {
        static Data collect(TopicIndex index, List<EvalSet> sets) {
            Data data = new Data(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (EvalSet set : sets) {
                for (EvalSet.Item item : set.items()) {
                    TopicIndex.Ranking ranking = index.rank(item.question(), Accuracy.K);
                    if (ranking.candidates().isEmpty()) {
                        continue;
                    }
                    List<TopicIndex.Candidate> c = ranking.candidates();
                    boolean first = !item.outOfScope() && c.get(0).topic().id().equals(item.topic());
                    boolean three = !item.outOfScope() && c.stream().limit(3).anyMatch(h -> h.topic().id().equals(item.topic()));
                    data.features.add(c.get(0).features().asArray());
                    data.topOne.add(first);
                    data.topThree.add(three);
                }
            }
            return data;
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
        StringBuilder out = new StringBuilder("ANSWER threshold | answered right (share of all) | answered wrong or out-of-scope\n");
        for (int step = 2; step <= 18; step++) {
            double t = step / 20.0;
            int right = 0, wrong = 0;
            for (int i = 0; i < data.features.size(); i++) {
                if (ConfidenceModel.logistic(coefficients, data.features.get(i)) >= t) {
                    if (data.topOne.get(i)) {
                        right++;
                    } else {
                        wrong++;
                    }
                }
            }
            out.append(String.format(Locale.ROOT, "  %.2f | %5.1f%% | %d%n", t, 100.0 * right / data.features.size(), wrong));
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
