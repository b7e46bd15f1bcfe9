package vn.dvcassistant.kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * A linear classifier from a question's analysed terms to the topic it is about: multinomial logistic
 * regression (softmax), trained on each topic's own ways of asking (title, questions, keywords) and,
 * at a lower weight, its text. It learns which words tell topics apart, so a long question whose
 * context words ("mẹ tôi vừa mất", "nhà tôi ở quê") occur in many topics is still carried by its few
 * distinctive words ("khai tử"), where BM25 alone dilutes them.
 *
 * <p>A term has weights only for the topics whose training text holds it (as fastText-style models on
 * sparse features end up nearly so): the model is a few floats per (term, topic) pair, and scoring a
 * question costs one pass over its terms' short lists plus one over the topics. Trained at build time
 * in well under a second for the curated content; deterministic (fixed shuffling seed).
 */
final class TopicClassifier {

    static final int EPOCHS = 10;
    static final float LEARNING_RATE = 0.5f;
    static final float L2 = 1e-4f;

    /** One training text: its topic, its analysed terms with their weights, and how much it counts. */
    record Example(int label, String[] terms, float[] values, float weight) {
    }

    /** A training text's terms as the model's ids. */
    private record Encoded(int label, int[] ids, float[] values, float weight) {
    }

    private final int classes;
    /** The model's own vocabulary: every term of the training texts, including those no topic holds. */
    private final Map<String, Integer> vocabulary;
    private final float[] bias;
    /** Per term id: the topics it has weights for (sorted) and those weights; empty for other terms. */
    private final int[][] classesOf;
    private final float[][] weightsOf;

    private TopicClassifier(int classes, Map<String, Integer> vocabulary, float[] bias, int[][] classesOf,
            float[][] weightsOf) {
        this.classes = classes;
        this.vocabulary = vocabulary;
        this.bias = bias;
        this.classesOf = classesOf;
        this.weightsOf = weightsOf;
    }

    static TopicClassifier train(int classes, List<Example> texts) {
        Map<String, Integer> vocabulary = new HashMap<>();
        List<Encoded> examples = new ArrayList<>(texts.size());
        for (Example text : texts) {
            int[] ids = new int[text.terms().length];
            for (int i = 0; i < ids.length; i++) {
                Integer known = vocabulary.putIfAbsent(text.terms()[i], vocabulary.size());
                ids[i] = known == null ? vocabulary.size() - 1 : known;
            }
            examples.add(new Encoded(text.label(), ids, text.values(), text.weight()));
        }
        int termCount = vocabulary.size();
        int[][] classesOf = cooccurrences(classes, termCount, examples);
        float[][] weightsOf = new float[termCount][];
        for (int t = 0; t < termCount; t++) {
            weightsOf[t] = new float[classesOf[t].length];
        }
        float[] bias = new float[classes];
        TopicClassifier model = new TopicClassifier(classes, HashLookups.map(vocabulary), bias, classesOf, weightsOf);
        List<Encoded> order = new ArrayList<>(examples);
        Random random = new Random(42);
        double[] p = new double[classes];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            float rate = LEARNING_RATE / (1 + epoch * 0.2f);
            for (Encoded e : order) {
                model.scores(e.ids(), e.values(), p);
                softmax(p);
                p[e.label()] -= 1.0; // gradient of the log-loss with respect to each score
                float step = rate * e.weight();
                for (int c = 0; c < classes; c++) {
                    bias[c] -= step * (float) p[c] * 0.1f;
                }
                for (int i = 0; i < e.ids().length; i++) {
                    int t = e.ids()[i];
                    float x = e.values()[i];
                    int[] cs = classesOf[t];
                    float[] ws = weightsOf[t];
                    for (int j = 0; j < cs.length; j++) {
                        ws[j] -= step * ((float) p[cs[j]] * x + L2 * ws[j]);
                    }
                }
            }
        }
        return model;
    }

    /** For each term, the topics whose training text holds it. */
    private static int[][] cooccurrences(int classes, int termCount, List<Encoded> examples) {
        BitSet[] seen = new BitSet[termCount];
        for (Encoded e : examples) {
            for (int t : e.ids()) {
                if (seen[t] == null) {
                    seen[t] = new BitSet(classes);
                }
                seen[t].set(e.label());
            }
        }
        int[][] out = new int[termCount][];
        for (int t = 0; t < termCount; t++) {
            out[t] = seen[t] == null ? new int[0] : seen[t].stream().toArray();
        }
        return out;
    }

    int classes() {
        return classes;
    }

    /** Unnormalised scores (logits) of every topic into {@code out}. Terms with ids out of range are skipped. */
    void scores(int[] ids, float[] values, double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c];
        }
        for (int i = 0; i < ids.length; i++) {
            int t = ids[i];
            if (t < 0 || t >= classesOf.length) {
                continue;
            }
            int[] cs = classesOf[t];
            float[] ws = weightsOf[t];
            float x = values[i];
            for (int j = 0; j < cs.length; j++) {
                out[cs[j]] += ws[j] * x;
            }
        }
    }

    /** The model's id of a term, -1 when no training text held it. */
    int id(String term) {
        return vocabulary.getOrDefault(term, -1);
    }

    /**
     * The model's id of each term of another vocabulary (the index's, ids 0 to {@code size} - 1): -1 where the
     * model has none. Computed once, so a question's terms are looked up in one vocabulary, not in both.
     */
    int[] idsOf(ToIntFunction<String> otherId, int size) {
        int[] out = new int[size];
        Arrays.fill(out, -1);
        vocabulary.forEach((term, id) -> {
            int other = otherId.applyAsInt(term);
            if (other >= 0) {
                out[other] = id;
            }
        });
        return out;
    }

    /** Probability of every class, for a question's terms as the model's ids ({@link #id}) and their weights. */
    double[] probabilities(int[] ids, float[] values) {
        double[] p = new double[classes];
        scores(ids, values, p);
        softmax(p);
        return p;
    }

    static void softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
    }

    @Override
    public String toString() {
        long pairs = Arrays.stream(classesOf).mapToLong(a -> a.length).sum();
        return "TopicClassifier[" + classes + " topics, " + pairs + " weights]";
    }
}
