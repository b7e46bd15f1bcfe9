package vn.dvcassistant.kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

/**
 * Accuracy of search on an {@link EvalSet}, counted as a citizen experiences it:
 * top-1 correct = the assistant answers (ANSWER) with the right topic;
 * top-3 correct = top-1 correct, or it asks (CLARIFY) offering the right topic, or it answers and
 * the right topic is among the first three hits; out-of-scope rejected = the outcome is not ANSWER.
 */
record Accuracy(String name, int inScope, int top1, int top3, int outOfScope, int rejected, int confidentWrong,
        int confidentOutOfScope, List<String> misses, int[] bucketCount, int[] bucketRight) {

    static final int K = 5;
    /** An answer at or above this confidence is one a citizen takes as certain. */
    static final double CONFIDENT = 0.8;

    static Accuracy measure(EvalSet set, BiFunction<String, Integer, SearchResult> search) {
        int inScope = 0, top1 = 0, top3 = 0, outOfScope = 0, rejected = 0, confidentWrong = 0, confidentOutOfScope = 0;
        List<String> misses = new ArrayList<>();
        int[] bucketCount = new int[10];
        int[] bucketRight = new int[10];
        for (EvalSet.Item item : set.items()) {
            SearchResult result = search.apply(item.question(), K);
            int bucket = Math.min(9, (int) (result.confidence() * 10));
            bucketCount[bucket]++;
            if (!item.outOfScope() && !result.hits().isEmpty() && result.hits().get(0).topic().id().equals(item.topic())) {
                bucketRight[bucket]++;
            }
            if (item.outOfScope()) {
                outOfScope++;
                if (result.outcome() != SearchOutcome.ANSWER) {
                    rejected++;
                } else {
                    if (result.confidence() >= CONFIDENT) {
                        confidentOutOfScope++;
                    }
                    misses.add(String.format(Locale.ROOT, "OOS answered %.2f %s  <- %s",
                            result.confidence(), result.hits().get(0).topic().id(), item.question()));
                }
                continue;
            }
            inScope++;
            boolean first = result.outcome() == SearchOutcome.ANSWER
                    && result.hits().get(0).topic().id().equals(item.topic());
            List<SearchHit> offered = switch (result.outcome()) {
                case ANSWER -> result.hits().subList(0, Math.min(3, result.hits().size()));
                case CLARIFY -> result.clarifyOptions();
                default -> List.of();
            };
            boolean inThree = offered.stream().anyMatch(h -> h.topic().id().equals(item.topic()));
            if (first) {
                top1++;
            } else if (result.outcome() == SearchOutcome.ANSWER && result.confidence() >= CONFIDENT) {
                confidentWrong++;
            }
            if (first || inThree) {
                top3++;
            }
            if (!first) {
                misses.add(String.format(Locale.ROOT, "%s %-8s %.2f got %s want %s  <- %s",
                        inThree ? "top3" : "MISS", result.outcome(), result.confidence(),
                        result.hits().isEmpty() ? "-" : result.hits().get(0).topic().id(), item.topic(),
                        item.question()));
            }
        }
        return new Accuracy(set.name(), inScope, top1, top3, outOfScope, rejected, confidentWrong, confidentOutOfScope,
                misses, bucketCount, bucketRight);
    }

    double top1Rate() {
        return (double) top1 / inScope;
    }

    double top3Rate() {
        return (double) top3 / inScope;
    }

    double rejectionRate() {
        return outOfScope == 0 ? 1.0 : (double) rejected / outOfScope;
    }

    /** Share of in-scope questions answered with the wrong topic at a confidence of 0.8 or more. */
    double confidentWrongRate() {
        return inScope == 0 ? 0 : (double) confidentWrong / inScope;
    }

    /** For each confidence bucket, how many questions fell in it and the share whose top hit was right. */
    String calibration() {
        StringBuilder out = new StringBuilder("  calibration " + name + ": confidence | questions | top hit right\n");
        for (int b = 0; b < 10; b++) {
            out.append(String.format(Locale.ROOT, "    %.1f-%.1f | %4d | %s%n", b / 10.0, (b + 1) / 10.0, bucketCount[b],
                    bucketCount[b] == 0 ? "-" : String.format(Locale.ROOT, "%5.1f%%", 100.0 * bucketRight[b] / bucketCount[b])));
        }
        return out.toString();
    }

    String summary() {
        return String.format(Locale.ROOT,
                "%-40s top-1 %5.1f%% (%d/%d)  top-3 %5.1f%% (%d/%d)  out-of-scope rejected %5.1f%% (%d/%d)"
                        + "  confident wrong %d in scope, %d out of scope",
                name, 100 * top1Rate(), top1, inScope, 100 * top3Rate(), top3, inScope,
                100 * rejectionRate(), rejected, outOfScope, confidentWrong, confidentOutOfScope);
    }
}
