package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The index's term statistics and each document's set of analysed terms (syllables and bigrams, any
 * field), read once from the finished index. The confidence features need, for every query term, its
 * document frequency per field and whether each top hit contains it; answering that from Lucene's term
 * dictionary and postings costs a seek per term and field and a postings advance per hit on every
 * query, which on a large index is most of the query time. Here it is a hash look-up and a binary
 * search. Immutable once built.
 */
final class TopicTerms {

    private static final IndexedField[] FIELDS = IndexedField.values();

    private final Map<String, Integer> ids;
    /** {@code docFreq[id * FIELDS.length + field]}: documents whose field holds the term. */
    private final int[] docFreq;
    /** Same slots: the term's occurrences in the field over all documents, for BM25 statistics. */
    private final int[] totalTermFreq;
    /** Per document (global doc id): the ids of the terms it holds in any field, sorted, distinct. */
    private final int[][] termsOfDoc;
    private final long[] docCount;
    private final int numDocs;

    private TopicTerms(Map<String, Integer> ids, int[] docFreq, int[] totalTermFreq, int[][] termsOfDoc,
                       long[] docCount, int numDocs) {
        this.ids = ids;
        this.docFreq = docFreq;
        this.totalTermFreq = totalTermFreq;
        this.termsOfDoc = termsOfDoc;
        this.docCount = docCount;
        this.numDocs = numDocs;
    }

    /** Inverts the postings of every field: no text is analysed again. */
    static TopicTerms of(IndexReader reader) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        int[] docFreq = new int[1024 * FIELDS.length];
        int[] totalTermFreq = new int[docFreq.length];
        int maxDoc = reader.maxDoc();
        int[][] termsOfDoc = new int[maxDoc][];
        int[] length = new int[maxDoc];
        for (int d = 0; d < maxDoc; d++) {
            termsOfDoc[d] = new int[16];
        }
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            for (int f = 0; f < FIELDS.length; f++) {
                Terms terms = leaf.reader().terms(FIELDS[f].name);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    Integer known = ids.putIfAbsent(term.utf8ToString(), ids.size());
                    int id = known == null ? ids.size() - 1 : known;
                    if ((id + 1) * FIELDS.length > docFreq.length) {
                        docFreq = Arrays.copyOf(docFreq, docFreq.length * 2);
                        totalTermFreq = Arrays.copyOf(totalTermFreq, docFreq.length);
                    }
                    int slot = id * FIELDS.length + f;
                    docFreq[slot] += it.docFreq();
                    totalTermFreq[slot] = Math.addExact(totalTermFreq[slot], Math.toIntExact(it.totalTermFreq()));
                    postings = it.postings(postings, PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        int global = leaf.docBase + doc;
                        int[] held = termsOfDoc[global];
                        if (length[global] == held.length) {
                            held = termsOfDoc[global] = Arrays.copyOf(held, held.length * 2);
                        }
                        held[length[global]++] = id;
                    }
                }
            }
        }
        for (int d = 0; d < maxDoc; d++) {
            termsOfDoc[d] = sortedDistinct(termsOfDoc[d], length[d]);
        }
        long[] docCount = new long[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) {
            docCount[f] = Math.max(1, reader.getDocCount(FIELDS[f].name));
        }
        int slots = ids.size() * FIELDS.length;
        return new TopicTerms(HashLookups.map(ids), Arrays.copyOf(docFreq, slots), Arrays.copyOf(totalTermFreq, slots),
                termsOfDoc, docCount, reader.numDocs());
    }

    private static int[] sortedDistinct(int[] values, int length) {
        Arrays.sort(values, 0, length);
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            if (distinct == 0 || values[distinct - 1] != values[i]) {
                values[distinct++] = values[i];
            }
        }
        return Arrays.copyOf(values, distinct);
    }

    /** The term's id, or -1 if no document holds it. */
    int id(String term) {
        Integer id = ids.get(term);
        return id == null ? -1 : id;
    }

    /** Documents whose field {@code field} (an {@link IndexedField} ordinal) holds the term; 0 for id -1. */
    int docFreq(int id, int field) {
        return id < 0 ? 0 : docFreq[id * FIELDS.length + field];
    }

    /** Occurrences of the term in the field over all documents, summed over segments as Lucene does. */
    long totalTermFreq(int id, int field) {
        return totalTermFreq[id * FIELDS.length + field];
    }

    /** The largest document frequency of the term over the fields. */
    int maxDocFreq(int id) {
        int max = 0;
        for (int f = 0; f < FIELDS.length; f++) {
            max = Math.max(max, docFreq(id, f));
        }
        return max;
    }

    /**
     * For each of the sorted term ids, whether the document holds it, into {@code out}: one pass through the
     * document's sorted terms instead of a search from the start for each id.
     */
    void markHeld(int doc, int[] sortedIds, boolean[] out) {
        int[] held = termsOfDoc[doc];
        int from = 0;
        for (int i = 0; i < sortedIds.length; i++) {
            int at = Arrays.binarySearch(held, from, held.length, sortedIds[i]);
            out[i] = at >= 0;
            from = at >= 0 ? at + 1 : -at - 1;
        }
    }

    /** Documents with the field (an {@link IndexedField} ordinal), at least 1. */
    long docCount(int field) {
        return docCount[field];
    }

    /** Distinct terms over all fields; ids run from 0 to size - 1. */
    int size() {
        return ids.size();
    }

    int numDocs() {
        return numDocs;
    }
}
