package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.analysis.SynonymDictionary;
import vn.dvcassistant.kb.analysis.VietnameseAnalyzer;

/**
 * An immutable in-memory Lucene index over a set of topics, with ranking and calibrated confidence.
 * Safe for concurrent searches.
 */
public final class TopicIndex {

    /** Longer input is cut (at a space) before analysis: a pasted letter is not a better query. */
    public static final int MAX_QUERY_CHARS = 500;
    static final int MAX_SYLLABLES = 48;
    static final int MAX_HITS = 50;
    /** Hits examined for the margin and for clarifying questions, whatever k the caller asks. */
    static final int MIN_CANDIDATES = 3;

    static final float STOP_WORD_WEIGHT = 0.2f;
    static final float BIGRAM_WEIGHT = 1.0f;
    /** A corrected typo counts less than a syllable the citizen typed right. */
    static final float TYPO_WEIGHT = 0.6f;
    static final double TYPO_CREDIT = 0.8;
    static final int MIN_TYPO_LENGTH = 4;
    static final float TIE_BREAKER = 0.3f;

    private static final String ORDINAL = "ordinal";
    private static final BM25Similarity SIMILARITY = new BM25Similarity();

    private final List<Topic> topics;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final Vocabulary vocabulary;

    private TopicIndex(List<Topic> topics, Analyzer analyzer, IndexSearcher searcher, Vocabulary vocabulary) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.searcher = searcher;
        this.vocabulary = vocabulary;
    }

    public static TopicIndex build(List<Topic> topics, SynonymDictionary synonyms) {
        Analyzer analyzer = new VietnameseAnalyzer(synonyms);
        // The index lives in memory and is never closed: a replaced index stays usable by searches
        // still running on it, and the garbage collector frees it (no file handles are held).
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(SIMILARITY)
                .setRAMBufferSizeMB(256)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < topics.size(); i++) {
                writer.addDocument(document(topics.get(i), i));
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(SIMILARITY);
            return new TopicIndex(List.copyOf(topics), analyzer, searcher, Vocabulary.of(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(Topic topic, int ordinal) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new TextField(IndexedField.TITLE.name, topic.title(), TextField.Store.NO));
        for (String question : topic.questions()) {
            doc.add(new TextField(IndexedField.QUESTIONS.name, question, TextField.Store.NO));
        }
        for (String keyword : topic.keywords()) {
            doc.add(new TextField(IndexedField.KEYWORDS.name, keyword, TextField.Store.NO));
        }
        List<String> body = new ArrayList<>();
        body.add(topic.summary());
        body.add(topic.authority());
        body.addAll(topic.steps());
        body.addAll(topic.documents());
        for (String text : body) {
            doc.add(new TextField(IndexedField.BODY.name, text, TextField.Store.NO));
        }
        return doc;
    }

    public List<Topic> topics() {
        return topics;
    }

    public SearchResult search(String query, int k) {
        k = Math.max(1, Math.min(k, MAX_HITS));
        Ranking ranking = rank(query, k);
        if (ranking.empty()) {
            return new SearchResult(ranking.query(), List.of(), 0.0, SearchOutcome.EMPTY_QUERY);
        }
        List<Candidate> candidates = ranking.candidates();
        if (candidates.isEmpty()) {
            return new SearchResult(ranking.query(), List.of(), 0.0, SearchOutcome.FALLBACK);
        }
        List<SearchHit> hits = new ArrayList<>();
        double previous = 1.0;
        for (int i = 0; i < Math.min(k, candidates.size()); i++) {
            Candidate c = candidates.get(i);
            double confidence = Math.min(previous, ConfidenceModel.topOne(c.features()));
            hits.add(new SearchHit(c.topic(), c.score(), confidence));
            previous = confidence;
        }
        MatchFeatures top = candidates.get(0).features();
        double topOne = ConfidenceModel.topOne(top);
        SearchOutcome outcome = ConfidenceModel.decide(topOne, ConfidenceModel.topThree(top), candidates.size());
        return new SearchResult(ranking.query(), hits, topOne, outcome);
    }

    /** A ranked topic with the features its confidence is computed from. */
    record Candidate(Topic topic, double score, MatchFeatures features) {
    }

    /**
     * @param query      the text searched (cut to {@link #MAX_QUERY_CHARS})
     * @param empty      true when the query has no searchable syllable
     */
    record Ranking(String query, boolean empty, List<Candidate> candidates) {
    }

    Ranking rank(String rawQuery, int k) {
        String text = truncate(rawQuery == null ? "" : rawQuery);
        int wanted = Math.max(MIN_CANDIDATES, Math.max(1, Math.min(k, MAX_HITS)));
        QueryTerms terms = QueryTerms.analyze(analyzer, text, MAX_SYLLABLES);
        if (terms.isEmpty()) {
            return new Ranking(text, true, List.of());
        }
        try {
            WeightedQuery weighted = weigh(terms);
            TopDocs top = searcher.search(weighted.toLuceneQuery(), wanted);
            if (top.scoreDocs.length == 0) {
                return new Ranking(text, false, List.of());
            }
            return new Ranking(text, false, candidates(top.scoreDocs, weighted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String truncate(String text) {
        if (text.length() <= MAX_QUERY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_QUERY_CHARS);
        return text.substring(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS);
    }

    /** Query clauses with weights, and the units the coverage features are measured on. */
    private WeightedQuery weigh(QueryTerms terms) {
        List<String> unigrams = terms.unigrams();
        String[] corrected = new String[unigrams.size()];
        for (int i = 0; i < unigrams.size(); i++) {
            String u = unigrams.get(i);
            if (u.length() >= MIN_TYPO_LENGTH && !StopWords.contains(u) && !vocabulary.contains(u) && isLetters(u)) {
                corrected[i] = vocabulary.correct(u).orElse(null);
            }
        }
        WeightedQuery q = new WeightedQuery();
        for (int i = 0; i < unigrams.size(); i++) {
            String u = unigrams.get(i);
            boolean stop = StopWords.contains(u);
            q.clause(u, stop ? STOP_WORD_WEIGHT : 1f);
            if (corrected[i] != null) {
                q.clause(corrected[i], TYPO_WEIGHT);
            }
            if (!stop) {
                q.unit(new CoverageUnit(u, corrected[i], false));
            }
        }
        for (int i = 0; i + 1 < unigrams.size(); i++) {
            String a = unigrams.get(i);
            String b = unigrams.get(i + 1);
            boolean stop = StopWords.contains(a) && StopWords.contains(b);
            String bigram = a + " " + b;
            q.clause(bigram, stop ? STOP_WORD_WEIGHT : BIGRAM_WEIGHT);
            String alt = null;
            if (corrected[i] != null || corrected[i + 1] != null) {
                alt = (corrected[i] != null ? corrected[i] : a) + " " + (corrected[i + 1] != null ? corrected[i + 1] : b);
                q.clause(alt, TYPO_WEIGHT * BIGRAM_WEIGHT);
            }
            if (!stop) {
                q.unit(new CoverageUnit(bigram, alt, true));
            }
        }
        return q;
    }

    private static boolean isLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }

    /**
     * A part of the query whose presence in a topic the coverage features measure: a syllable or a
     * bigram, with its typo correction if it has one.
     */
    private record CoverageUnit(String term, String correction, boolean bigram) {
    }

    private static final class WeightedQuery {
        final Map<String, Float> weights = new LinkedHashMap<>();
        final List<CoverageUnit> units = new ArrayList<>();

        void clause(String term, float weight) {
            weights.merge(term, weight, Math::max);
        }

        void unit(CoverageUnit unit) {
            if (!units.contains(unit)) {
                units.add(unit);
            }
        }

        Query toLuceneQuery() {
            BooleanQuery.Builder bool = new BooleanQuery.Builder();
            weights.forEach((term, weight) -> {
                List<Query> perField = new ArrayList<>(IndexedField.values().length);
                for (IndexedField field : IndexedField.values()) {
                    perField.add(new BoostQuery(new TermQuery(new Term(field.name, term)), field.boost));
                }
                bool.add(new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), weight), BooleanClause.Occur.SHOULD);
            });
            return bool.build();
        }

        /** Every distinct term the features need statistics for. */
        List<String> statTerms() {
            LinkedHashMap<String, Boolean> all = new LinkedHashMap<>();
            weights.keySet().forEach(t -> all.put(t, true));
            for (CoverageUnit unit : units) {
                all.put(unit.term(), true);
                if (unit.correction() != null) {
                    all.put(unit.correction(), true);
                }
            }
            return new ArrayList<>(all.keySet());
        }
    }

    private List<Candidate> candidates(ScoreDoc[] scoreDocs, WeightedQuery q) throws IOException {
        List<String> statTerms = q.statTerms();
        Map<String, Integer> termIndex = new LinkedHashMap<>();
        for (int i = 0; i < statTerms.size(); i++) {
            termIndex.put(statTerms.get(i), i);
        }
        IndexedField[] fields = IndexedField.values();
        int[][] docFreq = new int[fields.length][statTerms.size()];
        boolean[][] present = new boolean[scoreDocs.length][statTerms.size()];
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] leafOfHit = new int[scoreDocs.length];
        for (int h = 0; h < scoreDocs.length; h++) {
            leafOfHit[h] = ReaderUtil.subIndex(scoreDocs[h].doc, leaves);
        }
        PostingsEnum postings = null;
        for (int f = 0; f < fields.length; f++) {
            for (int l = 0; l < leaves.size(); l++) {
                LeafReaderContext leaf = leaves.get(l);
                Terms terms = leaf.reader().terms(fields[f].name);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                for (int t = 0; t < statTerms.size(); t++) {
                    if (!it.seekExact(new BytesRef(statTerms.get(t)))) {
                        continue;
                    }
                    docFreq[f][t] += it.docFreq();
                    for (int h = 0; h < scoreDocs.length; h++) {
                        if (leafOfHit[h] != l || present[h][t]) {
                            continue;
                        }
                        int local = scoreDocs[h].doc - leaf.docBase;
                        postings = it.postings(postings, PostingsEnum.NONE);
                        present[h][t] = postings.advance(local) == local;
                    }
                }
            }
        }
        long[] docCount = new long[fields.length];
        for (int f = 0; f < fields.length; f++) {
            docCount[f] = Math.max(1, searcher.getIndexReader().getDocCount(fields[f].name));
        }
        int n = searcher.getIndexReader().numDocs();

        double perfect = 0;
        for (Map.Entry<String, Float> clause : q.weights.entrySet()) {
            int t = termIndex.get(clause.getKey());
            double best = 0;
            for (int f = 0; f < fields.length; f++) {
                best = Math.max(best, fields[f].boost * idf(docFreq[f][t], docCount[f]));
            }
            perfect += clause.getValue() * best;
        }

        double[] unitWeight = new double[q.units.size()];
        for (int u = 0; u < q.units.size(); u++) {
            CoverageUnit unit = q.units.get(u);
            int df = maxDocFreq(docFreq, termIndex.get(unit.term()));
            if (df == 0 && unit.correction() != null) {
                df = maxDocFreq(docFreq, termIndex.get(unit.correction()));
            }
            unitWeight[u] = idf(df, n);
        }

        double topScore = scoreDocs[0].score;
        List<Candidate> out = new ArrayList<>(scoreDocs.length);
        for (int h = 0; h < scoreDocs.length; h++) {
            double uniHave = 0, uniAll = 0, biHave = 0, biAll = 0;
            for (int u = 0; u < q.units.size(); u++) {
                CoverageUnit unit = q.units.get(u);
                double credit = present[h][termIndex.get(unit.term())] ? 1.0
                        : unit.correction() != null && present[h][termIndex.get(unit.correction())] ? TYPO_CREDIT : 0.0;
                if (unit.bigram()) {
                    biAll += unitWeight[u];
                    biHave += credit * unitWeight[u];
                } else {
                    uniAll += unitWeight[u];
                    uniHave += credit * unitWeight[u];
                }
            }
            double coverage = uniAll == 0 ? 0 : uniHave / uniAll;
            double bigramCoverage = biAll == 0 ? coverage : biHave / biAll;
            double score = scoreDocs[h].score;
            double margin = h == 0
                    ? (scoreDocs.length > 1 ? (score - scoreDocs[1].score) / score : 1.0)
                    : (score - topScore) / topScore;
            MatchFeatures features = new MatchFeatures(coverage, bigramCoverage,
                    perfect == 0 ? 0 : Math.min(1.0, score / perfect), margin);
            out.add(new Candidate(topicOf(scoreDocs[h].doc, leaves), score, features));
        }
        return out;
    }

    private static int maxDocFreq(int[][] docFreq, int t) {
        int max = 0;
        for (int[] perField : docFreq) {
            max = Math.max(max, perField[t]);
        }
        return max;
    }

    /** BM25's inverse document frequency, as Lucene computes it. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    private Topic topicOf(int doc, List<LeafReaderContext> leaves) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues ordinals = leaf.reader().getNumericDocValues(ORDINAL);
        if (ordinals == null || !ordinals.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no ordinal");
        }
        return topics.get((int) ordinals.longValue());
    }

    int vocabularySize() {
        return vocabulary.size();
    }
}
