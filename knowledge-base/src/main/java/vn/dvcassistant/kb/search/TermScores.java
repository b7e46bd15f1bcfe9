package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Every (term, field, document) BM25 score of a small index, computed once by Lucene's own similarity
 * from the index's postings and norms, so that a query is a few array additions.
 *
 * <p>On a knowledge base of a few hundred topics, Lucene's per-query machinery (rewriting, weights,
 * scorers, postings readers for every clause and field) costs a hundred times more than the scoring
 * itself, and answering a chat message is mostly that. The scores here are the ones Lucene's
 * {@code BooleanQuery} of {@code DisjunctionMaxQuery}s over boosted {@code TermQuery}s computes;
 * {@code TermScoresTest} checks the rankings agree. Large indexes do not get a table (its size grows
 * with every posting) and are searched through Lucene.
 */
final class TermScores {

    private static final IndexedField[] FIELDS = IndexedField.values();

    /** Per slot {@code termId * FIELDS.length + field}: the documents holding the term, ascending. */
    private final int[][] docs;
    /** Parallel to {@link #docs}: the term's BM25 score in that document's field, boost 1. */
    private final float[][] scores;
    private final int maxDoc;

    private TermScores(int[][] docs, float[][] scores, int maxDoc) {
        this.docs = docs;
        this.scores = scores;
        this.maxDoc = maxDoc;
    }

    static TermScores of(IndexSearcher searcher, TopicTerms terms) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Similarity similarity = searcher.getSimilarity();
        int slots = terms.size() * FIELDS.length;
        int[][] docs = new int[slots][];
        float[][] scores = new float[slots][];
        for (int f = 0; f < FIELDS.length; f++) {
            String field = FIELDS[f].name;
            CollectionStatistics collection = searcher.collectionStatistics(field);
            if (collection == null) {
                continue;
            }
            Map<Integer, Long> totalTermFreq = totalTermFreqs(reader, field, terms);
            PostingsEnum postings = null;
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms leafTerms = leaf.reader().terms(field);
                if (leafTerms == null) {
                    continue;
                }
                TermsEnum it = leafTerms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    String text = term.utf8ToString();
                    int id = terms.id(text);
                    int slot = id * FIELDS.length + f;
                    Similarity.SimScorer scorer = similarity.scorer(1f, collection,
                            new TermStatistics(term, terms.docFreq(id, f), totalTermFreq.get(id)));
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
        return new TermScores(docs, scores, reader.maxDoc());
    }

    /** Across segments, as Lucene's term statistics sum them. */
    private static Map<Integer, Long> totalTermFreqs(IndexReader reader, String field, TopicTerms terms)
            throws IOException {
        Map<Integer, Long> out = new HashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms leafTerms = leaf.reader().terms(field);
            if (leafTerms == null) {
                continue;
            }
            TermsEnum it = leafTerms.iterator();
            for (BytesRef term = it.next(); term != null; term = it.next()) {
                out.merge(terms.id(term.utf8ToString()), it.totalTermFreq(), Long::sum);
            }
        }
        return out;
    }

    /**
     * The {@code n} best documents for clauses given as term ids and weights: each clause scores a
     * document by its best field plus {@code tieBreaker} times the other fields (field boosts applied),
     * times the clause weight; a document's score is the sum over clauses. Ties go to the lower
     * document id, as in Lucene.
     */
    ScoreDoc[] top(int[] termIds, float[] weights, float tieBreaker, int n) {
        double[] total = new double[maxDoc];
        double[] best = new double[maxDoc];
        double[] sum = new double[maxDoc];
        int[] touched = new int[maxDoc];
        boolean[] matched = new boolean[maxDoc];
        for (int c = 0; c < termIds.length; c++) {
            int count = 0;
            for (int f = 0; f < FIELDS.length; f++) {
                int slot = termIds[c] * FIELDS.length + f;
                int[] d = docs[slot];
                if (d == null) {
                    continue;
                }
                float[] s = scores[slot];
                double boost = (double) weights[c] * FIELDS[f].boost;
                for (int i = 0; i < d.length; i++) {
                    int doc = d[i];
                    double score = boost * s[i];
                    if (sum[doc] == 0) {
                        touched[count++] = doc;
                    }
                    sum[doc] += score;
                    best[doc] = Math.max(best[doc], score);
                }
            }
            for (int i = 0; i < count; i++) {
                int doc = touched[i];
                total[doc] += best[doc] + tieBreaker * (sum[doc] - best[doc]);
                matched[doc] = true;
                best[doc] = 0;
                sum[doc] = 0;
            }
        }
        return best(total, matched, n);
    }

    private static ScoreDoc[] best(double[] total, boolean[] matched, int n) {
        List<ScoreDoc> hits = new ArrayList<>();
        for (int doc = 0; doc < total.length; doc++) {
            if (matched[doc]) {
                hits.add(new ScoreDoc(doc, (float) total[doc]));
            }
        }
        hits.sort((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return hits.subList(0, Math.min(n, hits.size())).toArray(new ScoreDoc[0]);
    }

    /** Postings held, for tests and sizing. */
    long postings() {
        return Arrays.stream(docs).mapToLong(d -> d == null ? 0 : d.length).sum();
    }
}
