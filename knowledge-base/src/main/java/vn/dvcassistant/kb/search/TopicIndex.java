package vn.dvcassistant.kb.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
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
    /** "lệ phí", "bao lâu", "online": asked of every procedure, so they rank little. */
    static final float FACET_WEIGHT = 0.5f;
    /** A bigram of a content and a stop syllable ("sinh thì") is mostly a juxtaposition, not a phrase. */
    static final float MIXED_BIGRAM_WEIGHT = 0.2f;
    static final float BIGRAM_WEIGHT = 1.0f;
    /** A corrected typo counts less than a syllable the citizen typed right. */
    static final float TYPO_WEIGHT = 0.6f;
    static final double TYPO_CREDIT = 0.8;
    static final int MIN_TYPO_LENGTH = 4;
    /** Queries of at most this many syllables are read as one phrase (see {@link #isUnknownPhrase}). */
    static final int SHORT_QUERY_SYLLABLES = 3;
    static final float TIE_BREAKER = 0.3f;

    private static final String ORDINAL = "ordinal";
    private static final int PARALLEL_BUILD_THRESHOLD = 2_000;
    private static final double RAM_BUFFER_MB = 512;
    /** Term frequencies and norms for BM25; no positions, because no query uses them. */
    private static final FieldType TEXT = textFieldType();
    private static final BM25Similarity SIMILARITY = new BM25Similarity();
    private static final IndexedField[] FIELDS = IndexedField.values();

    private final List<Topic> topics;
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final Vocabulary vocabulary;
    private final TopicTerms terms;
    /** The topic (index into {@link #topics}) of each document. */
    private final int[] ordinalOfDoc;
    /** Every BM25 score precomputed: what queries are scored with. */
    private final TermScores scoreTable;

    private TopicIndex(List<Topic> topics, Analyzer analyzer, IndexSearcher searcher, Vocabulary vocabulary,
            TopicTerms terms, int[] ordinalOfDoc, TermScores scoreTable) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.searcher = searcher;
        this.vocabulary = vocabulary;
        this.terms = terms;
        this.ordinalOfDoc = ordinalOfDoc;
        this.scoreTable = scoreTable;
    }

    public static TopicIndex build(List<Topic> topics, SynonymDictionary synonyms) {
        Analyzer analyzer = new VietnameseAnalyzer(synonyms);
        // The index lives in memory and is never closed: a replaced index stays usable by searches
        // still running on it, and the garbage collector frees it (no file handles are held).
        // Each file as one buffer: opening a term dictionary or postings list slices the file, and
        // slicing the default list of small buffers copied the list on every term of every query
        // (over half the query time on the real content).
        ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(SIMILARITY)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setUseCompoundFile(false)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            addAll(writer, topics);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setSimilarity(SIMILARITY);
            // Scoring queries are never cached; the cache's bookkeeping would only cost time.
            searcher.setQueryCache(null);
            TopicTerms terms = TopicTerms.of(reader);
            TermScores scoreTable = TermScores.of(searcher, terms, TIE_BREAKER);
            return new TopicIndex(List.copyOf(topics), analyzer, searcher, Vocabulary.of(reader), terms,
                    ordinals(reader), scoreTable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Analysis dominates build time, and IndexWriter accepts documents from several threads, so large
     * knowledge bases are indexed in parallel (one segment per thread, searched together).
     */
    private static void addAll(IndexWriter writer, List<Topic> topics) throws IOException {
        if (topics.size() < PARALLEL_BUILD_THRESHOLD) {
            for (int i = 0; i < topics.size(); i++) {
                writer.addDocument(document(topics.get(i), i));
            }
            return;
        }
        try {
            IntStream.range(0, topics.size()).parallel().forEach(i -> {
                try {
                    writer.addDocument(document(topics.get(i), i));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static int[] ordinals(IndexReader reader) throws IOException {
        int[] ordinals = new int[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (values == null || !values.advanceExact(doc)) {
                    throw new IllegalStateException("document " + (leaf.docBase + doc) + " has no ordinal");
                }
                ordinals[leaf.docBase + doc] = (int) values.longValue();
            }
        }
        return ordinals;
    }

    private static FieldType textFieldType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static Document document(Topic topic, int ordinal) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORDINAL, ordinal));
        doc.add(new Field(IndexedField.TITLE.name, topic.title(), TEXT));
        for (String question : topic.questions()) {
            doc.add(new Field(IndexedField.QUESTIONS.name, question, TEXT));
        }
        for (String keyword : topic.keywords()) {
            doc.add(new Field(IndexedField.KEYWORDS.name, keyword, TEXT));
        }
        List<String> body = new ArrayList<>();
        body.add(topic.summary());
        body.add(topic.authority());
        body.addAll(topic.steps());
        body.addAll(topic.documents());
        for (String text : body) {
            doc.add(new Field(IndexedField.BODY.name, text, TEXT));
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
        WeightedQuery weighted = weigh(terms);
        ScoreDoc[] top = retrieve(weighted, wanted);
        if (top.length == 0) {
            return new Ranking(text, false, List.of());
        }
        return new Ranking(text, false, candidates(top, weighted));
    }

    /** The whole query, scored from the precomputed table ({@link TermScores}). */
    ScoreDoc[] retrieve(WeightedQuery weighted, int wanted) {
        return scoreTable.top(weighted.termIds(terms), weighted.termWeights(terms), wanted);
    }

    /** The same query through Lucene, which the table must agree with ({@code TermScoresTest}). */
    ScoreDoc[] luceneSearch(WeightedQuery weighted, int wanted) throws IOException {
        Query query = weighted.toLuceneQuery(this::clauseQuery);
        // The total hit count is never used, so Lucene may skip non-competitive documents from the
        // first hit on (by default it counts the first 1,000 exactly). The top hits are the same.
        return searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted)).scoreDocs;
    }

    /** The query's best documents by the precomputed table and by Lucene's query, for comparing them. */
    ScoreDoc[][] bothRetrievals(String query, int wanted) throws IOException {
        QueryTerms analyzed = QueryTerms.analyze(analyzer, truncate(query), MAX_SYLLABLES);
        if (analyzed.isEmpty()) {
            return new ScoreDoc[][] {new ScoreDoc[0], new ScoreDoc[0]};
        }
        WeightedQuery weighted = weigh(analyzed);
        return new ScoreDoc[][] {retrieve(weighted, wanted), luceneSearch(weighted, wanted)};
    }

    /** Index segments, for tests: large knowledge bases are built in parallel into several. */
    int segments() {
        return searcher.getIndexReader().leaves().size();
    }

    static String truncate(String text) {
        if (text.length() <= MAX_QUERY_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_QUERY_CHARS);
        return text.substring(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS);
    }

    /** Query clauses with weights, and the units the coverage features are measured on. */
    WeightedQuery weigh(QueryTerms terms) {
        List<String> unigrams = terms.unigrams();
        StopWords.Role[] roles = StopWords.roles(unigrams, vocabulary::containsHomographBigram);
        String[] corrected = new String[unigrams.size()];
        for (int i = 0; i < unigrams.size(); i++) {
            String u = unigrams.get(i);
            if (roles[i] == StopWords.Role.CONTENT && !vocabulary.contains(u)) {
                if (u.length() >= MIN_TYPO_LENGTH && isLetters(u)) {
                    corrected[i] = vocabulary.correct(u).orElse(null);
                } else if (hasDigit(u)) {
                    // A number the content never uses (an age, a year, a count) says nothing about the topic.
                    roles[i] = StopWords.Role.STOP;
                }
            }
        }
        dropCorrectionsWithoutContext(unigrams, corrected);
        boolean unknownPhrase = isUnknownPhrase(unigrams, corrected);
        if (unknownPhrase) {
            // "thời" in "thời trang" is not the filler "thôi": the whole phrase is what is asked about,
            // so its perfect self-match (relative score) counts it.
            for (int i = 0; i < unigrams.size(); i++) {
                if (StopWords.isHomograph(unigrams.get(i)) && roles[i] == StopWords.Role.STOP) {
                    roles[i] = StopWords.Role.CONTENT;
                }
            }
        }
        WeightedQuery q = new WeightedQuery(unknownPhrase);
        for (int i = 0; i < unigrams.size(); i++) {
            String u = unigrams.get(i);
            q.clause(u, weight(roles[i]));
            if (corrected[i] != null) {
                q.clause(corrected[i], TYPO_WEIGHT);
            }
            if (roles[i] != StopWords.Role.STOP) {
                q.unit(new CoverageUnit(u, corrected[i], false, roles[i] == StopWords.Role.FACET));
            }
        }
        for (int i = 0; i + 1 < unigrams.size(); i++) {
            String a = unigrams.get(i);
            String b = unigrams.get(i + 1);
            StopWords.Role role = bigramRole(roles[i], roles[i + 1]);
            String bigram = a + " " + b;
            q.clause(bigram, (role == null ? MIXED_BIGRAM_WEIGHT : weight(role)) * BIGRAM_WEIGHT);
            String alt = null;
            if (corrected[i] != null || corrected[i + 1] != null) {
                alt = (corrected[i] != null ? corrected[i] : a) + " " + (corrected[i + 1] != null ? corrected[i + 1] : b);
                q.clause(alt, TYPO_WEIGHT * BIGRAM_WEIGHT);
            }
            if (role == StopWords.Role.CONTENT || role == StopWords.Role.FACET) {
                q.unit(new CoverageUnit(bigram, alt, true, role == StopWords.Role.FACET));
            }
        }
        return q;
    }

    /**
     * A question of two or three syllables is one phrase ("thời tiết", "du lịch", "tạm trú"). When the
     * content never uses any of its bigrams, the question is about something the content does not
     * know, even if each syllable occurs somewhere on its own ("thời hạn", "chi tiết"; "du", "lý
     * lịch"), and the homograph rule may even have made one syllable look like a filler ("thôi").
     * Bigrams with a pure filler ("thuế ạ") or a word that is not a Vietnamese syllable ("vneid lỗi",
     * "số hotline") are juxtapositions, not phrases, and are not asked about.
     */
    private boolean isUnknownPhrase(List<String> unigrams, String[] corrected) {
        if (unigrams.size() < 2 || unigrams.size() > SHORT_QUERY_SYLLABLES) {
            return false;
        }
        boolean anyPhrase = false;
        for (int i = 0; i + 1 < unigrams.size(); i++) {
            String a = unigrams.get(i);
            String b = unigrams.get(i + 1);
            if (StopWords.contains(a) || StopWords.contains(b)
                    || !VietnameseSyllable.hasShape(a) || !VietnameseSyllable.hasShape(b)) {
                continue;
            }
            anyPhrase = true;
            String alt = (corrected[i] != null ? corrected[i] : a) + " " + (corrected[i + 1] != null ? corrected[i + 1] : b);
            if (knownTerm(a + " " + b) || knownTerm(alt)) {
                return false;
            }
        }
        return anyPhrase;
    }

    /**
     * Almost every Vietnamese syllable is one edit away from a known one ("bóng" → "dong"), so a
     * correction is kept only when it forms, with a neighbouring syllable, a bigram the content
     * uses ("khai sihn" → "khai sinh"); otherwise the unknown syllable stays unknown, as in "bóng đá".
     */
    private void dropCorrectionsWithoutContext(List<String> unigrams, String[] corrected) {
        String[] original = corrected.clone();
        for (int i = 0; i < unigrams.size(); i++) {
            if (original[i] == null) {
                continue;
            }
            boolean neighbour = false;
            boolean confirmed = false;
            for (int j : new int[] {i - 1, i + 1}) {
                if (j < 0 || j >= unigrams.size()) {
                    continue;
                }
                neighbour = true;
                String other = original[j] != null ? original[j] : unigrams.get(j);
                String bigram = j < i ? other + " " + original[i] : original[i] + " " + other;
                confirmed |= knownTerm(bigram);
            }
            if (neighbour && !confirmed) {
                corrected[i] = null;
            }
        }
    }

    private boolean knownTerm(String term) {
        return terms.maxDocFreq(terms.id(term)) > 0;
    }

    /**
     * One query clause, as Lucene would run it: the term in every field that holds it, the best field
     * counting most. The score table ({@link TermScores}) is checked against this query.
     */
    private Query clauseQuery(String term, float weight) {
        int id = terms.id(term);
        if (id < 0) {
            return null;
        }
        List<Query> perField = new ArrayList<>(FIELDS.length);
        for (IndexedField field : FIELDS) {
            if (terms.docFreq(id, field.ordinal()) > 0) {
                Term t = new Term(field.name, term);
                perField.add(new BoostQuery(new TermQuery(t), field.boost));
            }
        }
        return new BoostQuery(new DisjunctionMaxQuery(perField, TIE_BREAKER), weight);
    }

    /**
     * A bigram of two content syllables is content, of two facet syllables a facet, of two stop
     * syllables a stop bigram; a mixed one ("sinh thì", "khai sinh ở đâu") is scored but not covered
     * ({@code null}).
     */
    private static StopWords.Role bigramRole(StopWords.Role a, StopWords.Role b) {
        return a == b ? a : null;
    }

    private static float weight(StopWords.Role role) {
        return switch (role) {
            case CONTENT -> 1f;
            case FACET -> FACET_WEIGHT;
            case STOP -> STOP_WORD_WEIGHT;
        };
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
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
    private record CoverageUnit(String term, String correction, boolean bigram, boolean facet) {
    }

    @FunctionalInterface
    private interface ClauseFactory {
        /** The clause for the term, or null when it cannot match anything. */
        Query clause(String term, float weight);
    }

    static final class WeightedQuery {
        /** A short query whose phrase the content never uses: nothing of it is covered. */
        final boolean unknownPhrase;
        final Map<String, Float> weights = new LinkedHashMap<>();
        final Set<CoverageUnit> unitSet = new LinkedHashSet<>();
        final List<CoverageUnit> units = new ArrayList<>();

        WeightedQuery(boolean unknownPhrase) {
            this.unknownPhrase = unknownPhrase;
        }

        void clause(String term, float weight) {
            weights.merge(term, weight, Math::max);
        }

        void unit(CoverageUnit unit) {
            if (unitSet.add(unit)) {
                units.add(unit);
            }
        }

        Query toLuceneQuery(ClauseFactory clauses) {
            BooleanQuery.Builder bool = new BooleanQuery.Builder();
            weights.forEach((term, weight) -> add(bool, clauses.clause(term, weight)));
            return bool.build();
        }

        private static void add(BooleanQuery.Builder bool, Query clause) {
            if (clause != null) {
                bool.add(clause, BooleanClause.Occur.SHOULD);
            }
        }

        /** The ids of the clause terms some document holds, in clause order. */
        int[] termIds(TopicTerms terms) {
            return weights.keySet().stream().mapToInt(terms::id).filter(id -> id >= 0).toArray();
        }

        /** The weights of {@link #termIds}, in the same order. */
        float[] termWeights(TopicTerms terms) {
            float[] out = new float[weights.size()];
            int n = 0;
            for (Map.Entry<String, Float> e : weights.entrySet()) {
                if (terms.id(e.getKey()) >= 0) {
                    out[n++] = e.getValue();
                }
            }
            return Arrays.copyOf(out, n);
        }

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

    private List<Candidate> candidates(ScoreDoc[] scoreDocs, WeightedQuery q) {
        List<String> statTerms = q.statTerms();
        Map<String, Integer> termIndex = new HashMap<>(statTerms.size() * 2);
        int[] ids = new int[statTerms.size()];
        for (int i = 0; i < statTerms.size(); i++) {
            termIndex.put(statTerms.get(i), i);
            ids[i] = terms.id(statTerms.get(i));
        }
        IndexedField[] fields = IndexedField.values();
        double perfect = 0;
        for (Map.Entry<String, Float> clause : q.weights.entrySet()) {
            int id = ids[termIndex.get(clause.getKey())];
            double best = 0;
            for (int f = 0; f < fields.length; f++) {
                best = Math.max(best, fields[f].boost * idf(terms.docFreq(id, f), terms.docCount(f)));
            }
            perfect += clause.getValue() * best;
        }

        int units = q.units.size();
        int[] unitTerm = new int[units];
        int[] unitCorrection = new int[units];
        double[] unitWeight = new double[units];
        for (int u = 0; u < units; u++) {
            CoverageUnit unit = q.units.get(u);
            unitTerm[u] = ids[termIndex.get(unit.term())];
            unitCorrection[u] = unit.correction() == null ? -1 : ids[termIndex.get(unit.correction())];
            int df = terms.maxDocFreq(unitTerm[u]);
            if (df == 0 && unit.correction() != null) {
                df = terms.maxDocFreq(unitCorrection[u]);
            }
            unitWeight[u] = idf(df, terms.numDocs());
        }

        // Facets ("lệ phí", "online") are measured only when the question asks about nothing else.
        boolean facetsCount = q.units.stream().allMatch(CoverageUnit::facet);
        double topScore = scoreDocs[0].score;
        List<Candidate> out = new ArrayList<>(scoreDocs.length);
        for (int h = 0; h < scoreDocs.length; h++) {
            int doc = scoreDocs[h].doc;
            double uniHave = 0, uniAll = 0, biHave = 0, biAll = 0;
            for (int u = 0; u < units; u++) {
                CoverageUnit unit = q.units.get(u);
                if (unit.facet() && !facetsCount) {
                    continue;
                }
                double credit = terms.contains(doc, unitTerm[u]) ? 1.0
                        : terms.contains(doc, unitCorrection[u]) ? TYPO_CREDIT : 0.0;
                if (unit.bigram()) {
                    biAll += unitWeight[u];
                    biHave += credit * unitWeight[u];
                } else {
                    uniAll += unitWeight[u];
                    uniHave += credit * unitWeight[u];
                }
            }
            double coverage = uniAll == 0 || q.unknownPhrase ? 0 : uniHave / uniAll;
            double bigramCoverage = q.unknownPhrase ? 0 : biAll == 0 ? coverage : biHave / biAll;
            double score = scoreDocs[h].score;
            double margin = h == 0
                    ? (scoreDocs.length > 1 ? (score - scoreDocs[1].score) / score : 1.0)
                    : (score - topScore) / topScore;
            MatchFeatures features = new MatchFeatures(coverage, bigramCoverage,
                    perfect == 0 ? 0 : Math.min(1.0, score / perfect), margin);
            out.add(new Candidate(topics.get(ordinalOfDoc[doc]), score, features));
        }
        return out;
    }

    /** BM25's inverse document frequency, as Lucene computes it. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    int vocabularySize() {
        return vocabulary.size();
    }
}
