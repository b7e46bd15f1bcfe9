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
import java.util.Optional;
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
import vn.dvcassistant.kb.VietnameseText;
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
    /** Shorter unknown syllables ("snh", "sih") are corrected only into a phrase the content uses ("khai sinh"). */
    static final int MIN_PHRASE_TYPO_LENGTH = 3;
    /** Queries of at most this many syllables are read as one phrase (see {@link #isUnknownPhrase}). */
    static final int SHORT_QUERY_SYLLABLES = 3;
    static final float TIE_BREAKER = 0.3f;

    /** Above this many topics no classifier is trained: search is BM25 and the confidence model alone. */
    static final int MAX_CLASSIFIER_TOPICS = 5_000;
    /** BM25's best topics that the classifier's probabilities and the confidence model look at. */
    static final int LEXICAL_CANDIDATES = 10;
    /** The classifier's best topics added to those when BM25 ranks them lower. */
    static final int CLASSIFIER_CANDIDATES = 3;
    /** ... or when the classifier finds the other topic, which the question names, this many times likelier than the previous one. */
    static final double FOLLOW_UP_PROBABILITY_RATIO = 100;
    /**
     * ... or this many times likelier when the question does not name it: a generic follow-up ("phải trả
     * tiền gì không", "hồ sơ nộp ở đâu") looks like the topics about paying or submitting in general, but it
     * asks about the procedure at hand.
     */
    static final double FOLLOW_UP_UNNAMED_PROBABILITY_RATIO = 1000;
    /** An unsure question stays on the previous topic when that topic covers this share of its words. */
    static final double FOLLOW_UP_COVERAGE = 0.5;
    /** ... unless the classifier is nearly sure it is out of scope ("giá vàng hôm nay bao nhiêu"). */
    static final double FOLLOW_UP_MAX_OUT_OF_SCOPE = 0.99;
    /**
     * Folded openings with which people change the subject ("còn làm hộ chiếu thì sao", "à mà cho hỏi sổ đỏ
     * bị mất..."): a question that starts so and that the search would answer is answered as a new one.
     */
    static final List<String> SUBJECT_CHANGE_OPENINGS = List.of(
            "a ma ", "con ", "the con ", "nhan tien", "cho hoi them", "hoi them", "ngoai ra");
    /** An answer whose second topic has at least this share of the first's becomes a clarify question. */
    static final double TIE_SHARE_RATIO = 0.7;
    /** An answer this sure stays an answer however close the second topic's share (the model has weighed it). */
    static final double TIE_MAX_CONFIDENCE = 0.9;
    /** A fallback whose first topics are close becomes a clarify question from this confidence on. */
    static final double CLOSE_CALL_MIN_CONFIDENCE = 0.3;
    /** Weight of BM25's relative score against the classifier's log-probability in the ranking. */
    static final double LEXICAL_RANK_WEIGHT = 4.0;
    static final int MAX_TOPICS_PER_NAME = 2;
    /** A sentence of a topic's text says less about how people ask than one of its questions. */
    static final float BODY_EXAMPLE_WEIGHT = 0.3f;

    private static final String ORDINAL = "ordinal";
    private static final int PARALLEL_BUILD_THRESHOLD = 2_000;
    private static final double RAM_BUFFER_MB = 512;
    /** Term frequencies and norms for BM25; no positions, because no query uses them. */
    private static final FieldType TEXT = textFieldType();
    private static final BM25Similarity SIMILARITY = new BM25Similarity();
    private static final IndexedField[] FIELDS = IndexedField.values();

    private final List<Topic> topics;
    /** What questions are analysed with: the index's chain, syllables only. */
    private final Analyzer analyzer;
    private final IndexSearcher searcher;
    private final Vocabulary vocabulary;
    private final TopicTerms terms;
    /** The topic (index into {@link #topics}) of each document. */
    private final int[] ordinalOfDoc;
    /** The document of each topic: the inverse of {@link #ordinalOfDoc}. */
    private final int[] docOfOrdinal;
    private final Map<String, Integer> ordinalOf;
    /** Every BM25 score precomputed: what queries are scored with. */
    private final TermScores scoreTable;
    /** Trained on the topics' ways of asking; null above {@link #MAX_CLASSIFIER_TOPICS}. */
    private final TopicClassifier classifier;
    /** The classifier's classes: one per curated topic, then out of scope, then all catalogue rows as one. */
    private final ClassifierClasses classes;
    /**
     * Terms of topics' titles and keywords that name at most {@link #MAX_TOPICS_PER_NAME} topics ("khai
     * sinh", "vneid", "hộ chiếu"), with those topics' ordinals: a question holding one names its procedure.
     */
    private final Map<String, int[]> namedBy;
    /**
     * The classifier's id of each index term (-1 when it has none), so a question's terms are looked up once,
     * in the index; only terms no topic holds are looked up in the classifier's own vocabulary.
     */
    private final int[] classifierIdOfTerm;

    private TopicIndex(List<Topic> topics, Analyzer analyzer, IndexSearcher searcher, Vocabulary vocabulary,
            TopicTerms terms, int[] ordinalOfDoc, TermScores scoreTable, TopicClassifier classifier,
            ClassifierClasses classes, Map<String, int[]> namedBy) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.searcher = searcher;
        this.vocabulary = vocabulary;
        this.terms = terms;
        this.ordinalOfDoc = ordinalOfDoc;
        this.ordinalOf = new HashMap<>();
        for (int i = 0; i < topics.size(); i++) {
            ordinalOf.put(topics.get(i).id(), i);
        }
        this.docOfOrdinal = new int[ordinalOfDoc.length];
        for (int doc = 0; doc < ordinalOfDoc.length; doc++) {
            docOfOrdinal[ordinalOfDoc[doc]] = doc;
        }
        this.scoreTable = scoreTable;
        this.classifier = classifier;
        this.classes = classes;
        this.namedBy = namedBy;
        this.classifierIdOfTerm = classifier == null ? null : classifier.idsOf(terms::id, terms.size());
    }

    public static TopicIndex build(List<Topic> topics, SynonymDictionary synonyms) {
        return build(topics, synonyms, List.of());
    }

    /** @param outOfScope questions no topic answers; the classifier learns them as a class of their own */
    public static TopicIndex build(List<Topic> topics, SynonymDictionary synonyms, List<String> outOfScope) {
        VietnameseAnalyzer analyzer = new VietnameseAnalyzer(synonyms);
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
            TopicIndex lexical = new TopicIndex(List.copyOf(topics), analyzer.syllables(), searcher, Vocabulary.of(reader), terms,
                    ordinals(reader), scoreTable, null, null, Map.of());
            ClassifierClasses classes = ClassifierClasses.of(topics);
            return classes.curated() > MAX_CLASSIFIER_TOPICS ? lexical : lexical.withClassifier(classes, outOfScope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Analysis dominates build time, and IndexWriter accepts documents from several threads, so large
     * knowledge bases are indexed in parallel (one segment per thread, searched together).
     */
    private TopicIndex withClassifier(ClassifierClasses classes, List<String> outOfScope) {
        List<TopicClassifier.Example> examples = new ArrayList<>();
        for (int c = 0; c < topics.size(); c++) {
            Topic topic = topics.get(c);
            int label = classes.classOf(c);
            example(examples, label, topic.title(), 1f);
            if (label == classes.catalogue()) {
                // A catalogue row is only its official name: the class learns how procedure names read,
                // and BM25 tells the rows apart (training a class per row took a minute for 2,000 rows).
                continue;
            }
            for (String question : topic.questions()) {
                example(examples, label, question, 1f);
            }
            for (String keyword : topic.keywords()) {
                example(examples, label, keyword, 1f);
            }
            example(examples, label, topic.summary(), BODY_EXAMPLE_WEIGHT);
            if (topic.authority() != null) {
                example(examples, label, topic.authority(), BODY_EXAMPLE_WEIGHT);
            }
            for (String text : topic.steps()) {
                example(examples, label, text, BODY_EXAMPLE_WEIGHT);
            }
            for (String text : topic.documents()) {
                example(examples, label, text, BODY_EXAMPLE_WEIGHT);
            }
        }
        for (String question : outOfScope) {
            example(examples, classes.outOfScope(), question, 1f);
        }
        TopicClassifier trained = TopicClassifier.train(classes.count(), examples);
        return new TopicIndex(topics, analyzer, searcher, vocabulary, terms, ordinalOfDoc, scoreTable, trained,
                classes, names());
    }

    private Map<String, int[]> names() {
        Map<String, java.util.BitSet> named = new HashMap<>();
        for (int c = 0; c < topics.size(); c++) {
            List<String> texts = new ArrayList<>(topics.get(c).keywords());
            texts.add(topics.get(c).title());
            for (String text : texts) {
                QueryTerms analyzed = QueryTerms.analyze(analyzer, truncate(text), MAX_SYLLABLES);
                if (analyzed.isEmpty()) {
                    continue;
                }
                for (CoverageUnit unit : weigh(analyzed).units) {
                    if (!unit.facet()) {
                        named.computeIfAbsent(unit.term(), t -> new java.util.BitSet()).set(c);
                    }
                }
            }
        }
        Map<String, int[]> out = new HashMap<>();
        named.forEach((term, set) -> {
            if (set.cardinality() <= MAX_TOPICS_PER_NAME) {
                out.put(term, set.stream().toArray());
            }
        });
        return out;
    }

    private void example(List<TopicClassifier.Example> out, int label, String text, float weight) {
        QueryTerms analyzed = QueryTerms.analyze(analyzer, truncate(text), MAX_SYLLABLES);
        if (analyzed.isEmpty()) {
            return;
        }
        WeightedQuery q = weigh(analyzed);
        out.add(new TopicClassifier.Example(label, q.weights.keySet().toArray(new String[0]), q.allWeights(), weight));
    }

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
        if (topic.authority() != null) {
            body.add(topic.authority());
        }
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
        return search(query, k, null);
    }

    /** See {@link vn.dvcassistant.kb.KnowledgeBase#search(String, int, String)}. */
    public SearchResult search(String query, int k, Topic previous) {
        k = Math.max(1, Math.min(k, MAX_HITS));
        Ranking ranking = rank(query, k, previous);
        if (previous == null || ranking.empty()) {
            return decide(ranking, k);
        }
        if (ranking.subjectless()) {
            return followUp(ranking.query(), previous);
        }
        SearchResult fresh = decide(ranking, k);
        Candidate before = ranking.candidates().stream().filter(c -> c.topic().id().equals(previous.id()))
                .findFirst().orElse(null);
        if (before == null) {
            return fresh;
        }
        if (fresh.outcome() == SearchOutcome.ANSWER) {
            // A question the search would answer with another topic stays on the previous one unless its
            // phrases fit the other better ("có phải đóng lệ phí trước bạ không" after a land transfer stays;
            // "còn hộ chiếu thì sao" moves on), or the classifier is far surer of it
            // ("làm căn cước online được không" after a marriage: that entry mentions the card too).
            Candidate named = ranking.candidates().get(0);
            double ratio = named.named() ? FOLLOW_UP_PROBABILITY_RATIO : FOLLOW_UP_UNNAMED_PROBABILITY_RATIO;
            boolean movesOn = changesSubject(ranking.query())
                    || named.named() && phraseCoverage(before) < phraseCoverage(named)
                    || named.probability() >= ratio * before.probability();
            return movesOn ? fresh : followUp(ranking.query(), previous);
        }
        boolean stays = before.features().coverage() >= FOLLOW_UP_COVERAGE && ranking.outOfScope() < FOLLOW_UP_MAX_OUT_OF_SCOPE;
        return stays ? followUp(ranking.query(), previous) : fresh;
    }

    private static boolean changesSubject(String query) {
        // Only the opening is compared, so only it is folded (follow-ups can be long).
        String opening = query.stripLeading();
        String folded = VietnameseText.fold(opening.substring(0, Math.min(opening.length(), 40))).stripLeading();
        return SUBJECT_CHANGE_OPENINGS.stream().anyMatch(folded::startsWith);
    }

    private static double phraseCoverage(Candidate c) {
        return c.features().coverage() * c.features().bigramCoverage();
    }

    private static SearchResult followUp(String query, Topic previous) {
        return new SearchResult(query, List.of(new SearchHit(previous, 1.0, 1.0)), 1.0, SearchOutcome.ANSWER, true);
    }

    private SearchResult decide(Ranking ranking, int k) {
        if (ranking.empty()) {
            return new SearchResult(ranking.query(), List.of(), 0.0, SearchOutcome.EMPTY_QUERY);
        }
        List<Candidate> candidates = ranking.candidates();
        if (candidates.isEmpty()) {
            return new SearchResult(ranking.query(), List.of(), 0.0, SearchOutcome.FALLBACK);
        }
        ConfidenceModel model = classifier == null ? ConfidenceModel.LEXICAL : ConfidenceModel.COMBINED;
        double[] shares = shares(candidates);
        List<SearchHit> hits = new ArrayList<>();
        double previous = 1.0;
        for (int i = 0; i < Math.min(k, candidates.size()); i++) {
            double confidence = Math.min(previous, model.topOne(ranking, i));
            hits.add(new SearchHit(candidates.get(i).topic(), shares == null ? candidates.get(i).score() : shares[i],
                    confidence));
            previous = confidence;
        }
        double topOne = model.topOne(ranking, 0);
        SearchOutcome outcome = model.decide(topOne, model.topThree(ranking, 0), candidates.size());
        return new SearchResult(ranking.query(), hits, topOne, closeCall(outcome, topOne, shares));
    }

    /**
     * Two topics about as likely ("bảo hiểm": one-off social insurance or health insurance; "đăng ký": a
     * dozen) are a coin toss to answer and no reason to give up: ask which one was meant.
     */
    private static SearchOutcome closeCall(SearchOutcome outcome, double topOne, double[] shares) {
        if (shares == null || shares.length < 2) {
            return outcome;
        }
        boolean close = shares[1] >= TIE_SHARE_RATIO * shares[0];
        boolean near = shares[1] >= SearchResult.CLARIFY_SCORE_RATIO * shares[0];
        if (outcome == SearchOutcome.ANSWER && close && topOne < TIE_MAX_CONFIDENCE
                || outcome == SearchOutcome.FALLBACK && near && topOne >= CLOSE_CALL_MIN_CONFIDENCE) {
            return SearchOutcome.CLARIFY;
        }
        return outcome;
    }

    /**
     * With the classifier, a hit's score is its share of the candidates' combined evidence (softmax of
     * {@link Candidate#rankScore}), decreasing down the list like a BM25 score; without it, null (BM25).
     */
    private double[] shares(List<Candidate> candidates) {
        if (classifier == null) {
            return null;
        }
        double[] z = new double[candidates.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = candidates.get(i).rankScore();
        }
        TopicClassifier.softmax(z);
        return z;
    }

    /**
     * The {@code n} most probable of the first {@code count} classes, most probable first, ties to the lower
     * class: one pass, instead of sorting every topic (up to {@link #MAX_CLASSIFIER_TOPICS}) on each query.
     */
    static List<Integer> mostProbable(double[] p, int count, int n) {
        int[] best = new int[Math.min(n, count)];
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int at = kept;
            while (at > 0 && p[best[at - 1]] < p[c]) {
                at--;
            }
            if (at == best.length) {
                continue;
            }
            System.arraycopy(best, at, best, at + 1, Math.min(kept, best.length - 1) - at);
            best[at] = c;
            kept = Math.min(kept + 1, best.length);
        }
        List<Integer> out = new ArrayList<>(kept + 1);
        for (int i = 0; i < kept; i++) {
            out.add(best[i]);
        }
        return out;
    }

    /** A ranked topic with the features its confidence is computed from. */
    record Candidate(Topic topic, double score, MatchFeatures features, double probability, int lexicalRank,
            boolean named) {

        /**
         * What candidates are ordered by when there is a classifier: its log-probability plus the BM25
         * relative score, so a topic needs both to be what the words say and to hold those words.
         */
        double rankScore() {
            return Math.log(probability + 1e-9) + LEXICAL_RANK_WEIGHT * features.relativeScore();
        }
    }

    /**
     * @param query      the text searched (cut to {@link #MAX_QUERY_CHARS})
     * @param empty      true when the query has no searchable syllable
     */
    record Ranking(String query, boolean empty, List<Candidate> candidates, double outOfScope, double unknown,
            boolean subjectless) {

        Ranking(String query, boolean empty, List<Candidate> candidates) {
            this(query, empty, candidates, 0, 0, false);
        }
    }

    Ranking rank(String rawQuery, int k) {
        return rank(rawQuery, k, null);
    }

    /** @param also a topic to rank among the candidates whatever its score (the conversation's previous topic) */
    Ranking rank(String rawQuery, int k, Topic also) {
        String text = truncate(rawQuery == null ? "" : rawQuery);
        int wanted = Math.max(MIN_CANDIDATES, Math.max(1, Math.min(k, MAX_HITS)));
        QueryTerms terms = QueryTerms.analyze(analyzer, text, MAX_SYLLABLES);
        if (terms.isEmpty()) {
            return new Ranking(text, true, List.of());
        }
        WeightedQuery weighted = weigh(terms);
        if (classifier == null) {
            ScoreDoc[] top = retrieve(weighted, wanted);
            return new Ranking(text, false, top.length == 0 ? List.of() : candidates(top, weighted, null), 0, 0,
                    weighted.subjectless());
        }
        KnownClauses known = weighted.known(this.terms);
        int[] ids = known.ids();
        float[] weights = known.weights();
        ScoreDoc[] lexical = scoreTable.top(ids, weights, Math.max(wanted, LEXICAL_CANDIDATES));
        if (lexical.length == 0) {
            return new Ranking(text, false, List.of(), 0, 0, weighted.subjectless());
        }
        double[] byClass = classifier.probabilities(classifierIds(weighted), weighted.allWeights());
        double outOfScope = byClass[classes.outOfScope()];
        // Which topic, given that it is one: long personal questions share words with the out-of-scope
        // examples, and their mass must not make every topic look unlikely.
        double[] p = classes.topicProbabilities(byClass, lexical, ordinalOfDoc);
        for (int c = 0; c < topics.size(); c++) {
            p[c] /= Math.max(1e-9, 1 - outOfScope);
        }
        // The classifier's favourites join the lexical ones even when BM25 ranks them low.
        List<ScoreDoc> all = new ArrayList<>(Arrays.asList(lexical));
        List<Integer> extra = mostProbable(p, topics.size(), CLASSIFIER_CANDIDATES);
        if (also != null && ordinalOf.containsKey(also.id())) {
            extra.add(ordinalOf.get(also.id()));
        }
        for (int ordinal : extra) {
            int doc = docOfOrdinal[ordinal];
            if (all.stream().noneMatch(d -> d.doc == doc)) {
                all.add(new ScoreDoc(doc, scoreTable.scoreOf(ids, weights, doc)));
            }
        }
        List<Candidate> candidates = new ArrayList<>(candidates(all.toArray(new ScoreDoc[0]), weighted, p));
        candidates.sort(java.util.Comparator.comparingDouble(Candidate::rankScore).reversed());
        return new Ranking(text, false, candidates, outOfScope, weighted.unknownShare(this.terms),
                weighted.subjectless());
    }

    /** The classifier's id of each clause term, in clause order (-1 for terms it has never seen). */
    private int[] classifierIds(WeightedQuery weighted) {
        int[] out = new int[weighted.ids.length];
        int i = 0;
        for (String term : weighted.weights.keySet()) {
            int id = weighted.ids[i];
            out[i++] = id >= 0 ? classifierIdOfTerm[id] : classifier.id(term);
        }
        return out;
    }

    /** The whole query, scored from the precomputed table ({@link TermScores}). */
    ScoreDoc[] retrieve(WeightedQuery weighted, int wanted) {
        KnownClauses known = weighted.known(terms);
        return scoreTable.top(known.ids(), known.weights(), wanted);
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
            if (roles[i] == StopWords.Role.CONTENT && vocabulary.contains(u) && isLetters(u)
                    && !VietnameseSyllable.hasShape(u)) {
                // Ways of asking keep citizens' Telex leftovers ("ddang kys"), so such a token can be known
                // and still stand for a syllable: read it as that syllable too.
                corrected[i] = vocabulary.telex(u).orElse(null);
            } else if (roles[i] == StopWords.Role.CONTENT && !vocabulary.contains(u)) {
                if (isLetters(u)) {
                    int at = i;
                    // Among the syllables one edit away, one that forms a phrase of the content with a
                    // neighbour wins over a merely frequent one ("khai snh": "sinh", not "anh").
                    corrected[i] = vocabulary.telex(u)
                            .or(() -> u.length() >= MIN_PHRASE_TYPO_LENGTH
                                    ? vocabulary.correct(u, v -> formsPhrase(unigrams, roles, at, v)) : Optional.empty())
                            .or(() -> u.length() >= MIN_TYPO_LENGTH ? vocabulary.correct(u) : Optional.empty())
                            .orElse(null);
                } else if (hasDigit(u)) {
                    // A number the content never uses (an age, a year, a count) says nothing about the topic.
                    roles[i] = StopWords.Role.STOP;
                }
            }
        }
        correctKnownMisspellings(unigrams, roles, corrected);
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
     * A typo can land on another real syllable ("kết hôm" for "kết hôn", "đổi bằng lại" for "lái"): a
     * content syllable that forms no phrase of the content with either neighbour, while a syllable one edit
     * away does, gets that syllable as a correction (at the typo weight, beside what was typed).
     */
    private void correctKnownMisspellings(List<String> unigrams, StopWords.Role[] roles, String[] corrected) {
        for (int i = 0; i < unigrams.size(); i++) {
            String u = unigrams.get(i);
            if (roles[i] != StopWords.Role.CONTENT || corrected[i] != null || u.length() < MIN_PHRASE_TYPO_LENGTH
                    || !isLetters(u) || !vocabulary.contains(u) || formsPhrase(unigrams, roles, i, u)) {
                continue;
            }
            int at = i;
            corrected[i] = vocabulary.correct(u, v -> formsPhrase(unigrams, roles, at, v)).orElse(null);
        }
    }

    /**
     * Whether {@code syllable} at position {@code i} forms a bigram the content uses with a neighbour that says
     * what the question is about (a filler or homograph read as one, "rứa thì", never confirms a correction).
     */
    private boolean formsPhrase(List<String> unigrams, StopWords.Role[] roles, int i, String syllable) {
        if (i > 0 && roles[i - 1] != StopWords.Role.STOP && knownTerm(unigrams.get(i - 1) + " " + syllable)) {
            return true;
        }
        return i + 1 < unigrams.size() && roles[i + 1] != StopWords.Role.STOP
                && knownTerm(syllable + " " + unigrams.get(i + 1));
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

    /** Term ids of the query's clauses that some document holds, and the clauses' weights, in the same order. */
    record KnownClauses(int[] ids, float[] weights) {
    }

    static final class WeightedQuery {
        /** A short query whose phrase the content never uses: nothing of it is covered. */
        final boolean unknownPhrase;
        final Map<String, Float> weights = new LinkedHashMap<>();
        final Set<CoverageUnit> unitSet = new LinkedHashSet<>();
        final List<CoverageUnit> units = new ArrayList<>();
        /** Set by {@link #resolve}: each clause term's index id in clause order (-1: no topic holds it) ... */
        int[] ids;
        /** ... and each clause term's place in that order (units' terms and corrections are clause terms). */
        Map<String, Integer> position;

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

        /**
         * Share of the query's content syllables (not fillers or facets) that no topic uses, even after
         * typo correction: "visa", "bitcoin", "Osaka". Words of another domain are evidence that the
         * question is about something else, however well its other words match.
         */
        double unknownShare(TopicTerms terms) {
            resolve(terms);
            int all = 0, unknown = 0;
            for (CoverageUnit unit : units) {
                if (unit.bigram() || unit.facet()) {
                    continue;
                }
                all++;
                if (terms.maxDocFreq(idOf(unit.term())) == 0
                        && (unit.correction() == null || terms.maxDocFreq(idOf(unit.correction())) == 0)) {
                    unknown++;
                }
            }
            return all == 0 ? 0 : (double) unknown / all;
        }

        /** Only fillers and facets: the question asks about a part of something it does not name. */
        boolean subjectless() {
            return units.stream().allMatch(CoverageUnit::facet);
        }

        /** The weight of every clause term, in clause order, whether or not a document holds it. */
        float[] allWeights() {
            float[] out = new float[weights.size()];
            int n = 0;
            for (float w : weights.values()) {
                out[n++] = w;
            }
            return out;
        }

        /** Looks every clause term up in the index, once per query: the rest of the search reads the ids. */
        void resolve(TopicTerms terms) {
            if (ids != null) {
                return;
            }
            ids = new int[weights.size()];
            position = new HashMap<>(weights.size() * 2);
            int i = 0;
            for (String term : weights.keySet()) {
                position.put(term, i);
                ids[i++] = terms.id(term);
            }
        }

        int idOf(String clauseTerm) {
            return ids[position.get(clauseTerm)];
        }

        /** The clause terms some document holds, with their weights, in clause order. */
        KnownClauses known(TopicTerms terms) {
            resolve(terms);
            int[] known = new int[ids.length];
            float[] values = new float[ids.length];
            int n = 0;
            int i = 0;
            for (float weight : weights.values()) {
                int id = ids[i++];
                if (id >= 0) {
                    known[n] = id;
                    values[n++] = weight;
                }
            }
            return new KnownClauses(Arrays.copyOf(known, n), Arrays.copyOf(values, n));
        }
    }

    private List<Candidate> candidates(ScoreDoc[] scoreDocs, WeightedQuery q, double[] probabilities) {
        q.resolve(terms);
        int[] ids = q.ids;
        IndexedField[] fields = IndexedField.values();
        double perfect = 0;
        int at = 0;
        for (float weight : q.weights.values()) {
            int id = ids[at++];
            double best = 0;
            for (int f = 0; f < fields.length; f++) {
                best = Math.max(best, fields[f].boost * idf(terms.docFreq(id, f), terms.docCount(f)));
            }
            perfect += weight * best;
        }

        int units = q.units.size();
        int[] unitTerm = new int[units];
        int[] unitCorrection = new int[units];
        double[] unitWeight = new double[units];
        for (int u = 0; u < units; u++) {
            CoverageUnit unit = q.units.get(u);
            unitTerm[u] = q.idOf(unit.term());
            unitCorrection[u] = unit.correction() == null ? -1 : q.idOf(unit.correction());
            int df = terms.maxDocFreq(unitTerm[u]);
            if (df == 0 && unit.correction() != null) {
                df = terms.maxDocFreq(unitCorrection[u]);
            }
            unitWeight[u] = idf(df, terms.numDocs());
        }

        // Which of the units' terms each candidate holds is found in one pass over the candidate's terms.
        int[] wanted = IntStream.concat(Arrays.stream(unitTerm), Arrays.stream(unitCorrection))
                .filter(id -> id >= 0).sorted().distinct().toArray();
        int[] termAt = new int[units];
        int[] correctionAt = new int[units];
        for (int u = 0; u < units; u++) {
            termAt[u] = unitTerm[u] < 0 ? -1 : Arrays.binarySearch(wanted, unitTerm[u]);
            correctionAt[u] = unitCorrection[u] < 0 ? -1 : Arrays.binarySearch(wanted, unitCorrection[u]);
        }
        boolean[] held = new boolean[wanted.length];

        // Facets ("lệ phí", "online") are measured only when the question asks about nothing else.
        boolean facetsCount = q.units.stream().allMatch(CoverageUnit::facet);
        List<int[]> namingTerms = namingTerms(q);
        double topScore = scoreDocs[0].score;
        List<Candidate> out = new ArrayList<>(scoreDocs.length);
        for (int h = 0; h < scoreDocs.length; h++) {
            int doc = scoreDocs[h].doc;
            terms.markHeld(doc, wanted, held);
            double uniHave = 0, uniAll = 0, biHave = 0, biAll = 0;
            for (int u = 0; u < units; u++) {
                CoverageUnit unit = q.units.get(u);
                if (unit.facet() && !facetsCount) {
                    continue;
                }
                double credit = termAt[u] >= 0 && held[termAt[u]] ? 1.0
                        : correctionAt[u] >= 0 && held[correctionAt[u]] ? TYPO_CREDIT : 0.0;
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
            int ordinal = ordinalOfDoc[doc];
            out.add(new Candidate(topics.get(ordinal), score, features,
                    probabilities == null ? Double.NaN : probabilities[ordinal], h, names(namingTerms, ordinal)));
        }
        return out;
    }

    /**
     * For each term of the query (and each typo correction) that a topic's title or keywords hold and few topics
     * share, the ordinals of those topics (sorted); looked up once per query, not once per candidate.
     */
    private List<int[]> namingTerms(WeightedQuery q) {
        List<int[]> out = new ArrayList<>();
        for (CoverageUnit unit : q.units) {
            int[] named = namedBy.get(unit.term());
            if (named != null) {
                out.add(named);
            }
            named = unit.correction() == null ? null : namedBy.get(unit.correction());
            if (named != null) {
                out.add(named);
            }
        }
        return out;
    }

    /** Whether the question holds a term of the topic's title or keywords that few topics share. */
    private static boolean names(List<int[]> namingTerms, int ordinal) {
        for (int[] named : namingTerms) {
            if (Arrays.binarySearch(named, ordinal) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** BM25's inverse document frequency, as Lucene computes it. */
    private static double idf(long docFreq, long docCount) {
        return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
    }

    int vocabularySize() {
        return vocabulary.size();
    }
}
