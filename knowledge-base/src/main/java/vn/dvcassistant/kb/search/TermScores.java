package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Every term's BM25 score in every document, computed once by Lucene's own similarity from the index's
 * postings and norms and folded over the fields, so that a query is one pass over each of its terms'
 * postings adding numbers into an array.
 *
 * <p>A query clause scores a document with the term's best field plus {@code tieBreaker} times the other
 * fields (field boosts applied), times the clause weight. The weight multiplies every field alike, so
 * the part before it depends on the term and the document only, and is what this table keeps: one
 * posting per (term, document) instead of one per field. The scores are the ones Lucene's
 * {@code BooleanQuery} of {@code DisjunctionMaxQuery}s over boosted {@code TermQuery}s computes;
 * {@code TermScoresTest} checks the rankings agree.
 *
 * <p>On a knowledge base of a few hundred topics, Lucene's per-query machinery (rewriting, weights,
 * scorers, postings readers for every clause and field) costs a hundred times more than the scoring
 * itself. On 100,000 templated topics, where a query's syllables occur in a third to all of them,
 * Lucene's block-max pruning skips little and decoding postings per field dominates; one array of
 * folded scores per term is several times faster. The table costs about 8 bytes a posting: 100,000
 * topics of ~100 distinct terms take ~80 MB of heap.
 */
final class TermScores {

    private static final IndexedField[] FIELDS = IndexedField.values();

    /** Per term id: the documents holding the term in any field. */
    private final int[][] docs;
    /** Parallel to {@link #docs}: the term's clause score in that document at weight 1. */
    private final float[][] scores;
    private final int maxDoc;
    /** Per-thread score accumulators, cleared after each query, so a query allocates only its result. */
    private final ThreadLocal<float[]> accumulators;

    private TermScores(int[][] docs, float[][] scores, int maxDoc) {
        this.docs = docs;
        this.scores = scores;
        this.maxDoc = maxDoc;
        this.accumulators = ThreadLocal.withInitial(() -> new float[maxDoc]);
    }

    static TermScores of(IndexSearcher searcher, TopicTerms terms, float tieBreaker) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        int[][] fieldDocs = new int[terms.size() * FIELDS.length][];
        float[][] fieldScores = new float[terms.size() * FIELDS.length][];
        for (int f = 0; f < FIELDS.length; f++) {
            readField(searcher, terms, f, fieldDocs, fieldScores);
        }
        return fold(fieldDocs, fieldScores, terms.size(), reader.maxDoc(), tieBreaker);
    }

    /** Slot {@code termId * FIELDS.length + field}: the documents holding the term in the field, boost 1. */
    private static void readField(IndexSearcher searcher, TopicTerms terms, int f, int[][] docs, float[][] scores)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Similarity similarity = searcher.getSimilarity();
        String field = FIELDS[f].name;
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (collection == null) {
            return;
        }
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms leafTerms = leaf.reader().terms(field);
            if (leafTerms == null) {
                continue;
            }
            TermsEnum it = leafTerms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                int id = terms.id(term.utf8ToString());
                int slot = id * FIELDS.length + f;
                Similarity.SimScorer scorer = similarity.scorer(1f, collection,
                        new TermStatistics(term, terms.docFreq(id, f), terms.totalTermFreq(id, f)));
                // Norms are read forward only, and each term's postings start again from the first document.
                NumericDocValues norms = leaf.reader().getNormValues(field);
                int start = docs[slot] == null ? 0 : docs[slot].length;
                docs[slot] = docs[slot] == null ? new int[it.docFreq()] : Arrays.copyOf(docs[slot], start + it.docFreq());
                scores[slot] = scores[slot] == null ? new float[it.docFreq()] : Arrays.copyOf(scores[slot], start + it.docFreq());
                postings = it.postings(postings, PostingsEnum.FREQS);
                int i = start;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    long norm = norms != null && norms.advanceExact(doc) ? norms.longValue() : 1L;
                    docs[slot][i] = leaf.docBase + doc;
                    scores[slot][i++] = scorer.score(postings.freq(), norm);
                }
            }
        }
    }

    /** One posting per (term, document): best boosted field plus tieBreaker times the others. */
    private static TermScores fold(int[][] fieldDocs, float[][] fieldScores, int termCount, int maxDoc,
            float tieBreaker) {
        int[][] docs = new int[termCount][];
        float[][] scores = new float[termCount][];
        double[] best = new double[maxDoc];
        double[] sum = new double[maxDoc];
        int[] touched = new int[maxDoc];
        for (int id = 0; id < termCount; id++) {
            int count = 0;
            for (int f = 0; f < FIELDS.length; f++) {
                int slot = id * FIELDS.length + f;
                int[] d = fieldDocs[slot];
                if (d == null) {
                    continue;
                }
                float[] s = fieldScores[slot];
                double boost = FIELDS[f].boost;
                for (int i = 0; i < d.length; i++) {
                    int doc = d[i];
                    double score = boost * s[i];
                    if (sum[doc] == 0) {
                        touched[count++] = doc;
                    }
                    sum[doc] += score;
                    best[doc] = Math.max(best[doc], score);
                }
                // Released as soon as folded: the per-field arrays are as large as the table.
                fieldDocs[slot] = null;
                fieldScores[slot] = null;
            }
            // Ascending documents: the query adds them into an array in memory order.
            Arrays.sort(touched, 0, count);
            docs[id] = Arrays.copyOf(touched, count);
            scores[id] = new float[count];
            for (int i = 0; i < count; i++) {
                int doc = touched[i];
                scores[id][i] = (float) (best[doc] + tieBreaker * (sum[doc] - best[doc]));
                best[doc] = 0;
                sum[doc] = 0;
            }
        }
        return new TermScores(docs, scores, maxDoc);
    }

    /**
     * The {@code n} best documents for clauses given as term ids and weights (each positive): a
     * document's score is the sum over the clauses it matches of weight times the table's score. Ties
     * go to the lower document id, as in Lucene.
     */
    ScoreDoc[] top(int[] termIds, float[] weights, int n) {
        float[] total = accumulators.get();
        for (int c = 0; c < termIds.length; c++) {
            int[] d = docs[termIds[c]];
            float[] s = scores[termIds[c]];
            float weight = weights[c];
            for (int i = 0; i < d.length; i++) {
                total[d[i]] += weight * s[i];
            }
        }
        // One pass over every document, which also clears the accumulator: cheaper than remembering
        // which documents were touched when, as on large indexes, most of them are.
        PriorityQueue<ScoreDoc> kept = new PriorityQueue<>(n + 1, RANK.reversed());
        float worst = Float.NEGATIVE_INFINITY;
        for (int doc = 0; doc < maxDoc; doc++) {
            if (total[doc] == 0) {
                continue;
            }
            float score = total[doc];
            total[doc] = 0;
            // Documents come in ascending order, so one that only ties the worst kept hit loses to it.
            if (kept.size() == n && score <= worst) {
                continue;
            }
            kept.add(new ScoreDoc(doc, score));
            if (kept.size() > n) {
                kept.poll();
            }
            if (kept.size() == n) {
                worst = kept.peek().score;
            }
        }
        ScoreDoc[] out = kept.toArray(new ScoreDoc[0]);
        Arrays.sort(out, RANK);
        return out;
    }

    /** One document's score for the query: what {@link #top} would give it. */
    float scoreOf(int[] termIds, float[] weights, int doc) {
        float total = 0;
        for (int c = 0; c < termIds.length; c++) {
            int i = Arrays.binarySearch(docs[termIds[c]], doc);
            if (i >= 0) {
                total += weights[c] * scores[termIds[c]][i];
            }
        }
        return total;
    }

    /** Highest score first, then lowest document: the order of the result. */
    private static final Comparator<ScoreDoc> RANK = (a, b) -> a.score != b.score
            ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc);
}
