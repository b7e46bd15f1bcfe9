package vn.dvcassistant.kb;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.dvcassistant.kb.analysis.SynonymDictionary;
import vn.dvcassistant.kb.content.ContentFile;
import vn.dvcassistant.kb.content.ContentLoader;
import vn.dvcassistant.kb.content.ContentSource;
import vn.dvcassistant.kb.content.LoadedContent;
import vn.dvcassistant.kb.search.TopicIndex;

/**
 * The curated knowledge base: validated topics and their search index. Thread-safe: searches run on
 * an immutable snapshot, and {@link #reload()} swaps in a new snapshot atomically, so a search sees
 * either the old content or the new, never a mix.
 */
public final class KnowledgeBase {

    private final ContentSource source;
    private final AtomicReference<Snapshot> current;

    private KnowledgeBase(ContentSource source, Snapshot first) {
        this.source = source;
        this.current = new AtomicReference<>(first);
    }

    /**
     * The content packaged in the jar ({@code kb-content/}).
     *
     * @throws ContentValidationException listing every problem when the content is invalid
     */
    public static KnowledgeBase fromClasspath() {
        return load(ContentSource.classpath());
    }

    /**
     * Content from a directory laid out like {@code knowledge-base/content/}, so editors can change
     * files and {@link #reload()} without a rebuild.
     *
     * @throws ContentValidationException listing every problem when the content is invalid
     */
    public static KnowledgeBase fromDirectory(Path directory) {
        return load(ContentSource.directory(directory));
    }

    /**
     * A knowledge base over topics built in code (benchmarks, tools), with the packaged dictionary.
     * {@link #reload()} re-reads the packaged content.
     */
    public static KnowledgeBase fromTopics(Collection<Topic> topics) {
        LoadedContent packaged = new ContentLoader().load(ContentSource.classpath());
        return new KnowledgeBase(ContentSource.classpath(),
                Snapshot.of(new LoadedContent(List.copyOf(topics), packaged.synonyms(), packaged.outOfScope())));
    }

    /**
     * A knowledge base over content files held elsewhere (the app's database) plus topics made in code
     * (the procedure catalogue), validated exactly like files on disk.
     *
     * @throws ContentValidationException listing every problem when the files are invalid
     */
    public static KnowledgeBase fromFiles(List<ContentFile> files, Collection<Topic> extraTopics) {
        return new KnowledgeBase(ContentSource.classpath(), Snapshot.of(withExtra(new ContentLoader().load(files), extraTopics)));
    }

    private static LoadedContent withExtra(LoadedContent content, Collection<Topic> extraTopics) {
        if (extraTopics.isEmpty()) {
            return content;
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Topic> all = new java.util.ArrayList<>(content.topics());
        all.forEach(t -> ids.add(t.id()));
        List<ContentProblem> problems = new java.util.ArrayList<>();
        for (Topic extra : extraTopics) {
            if (ids.add(extra.id())) {
                all.add(extra);
            } else {
                problems.add(new ContentProblem(extra.id(), "id", "duplicate id \"" + extra.id() + "\""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
        all.sort(java.util.Comparator.comparing(Topic::id));
        return new LoadedContent(all, content.synonyms(), content.outOfScope());
    }

    private static KnowledgeBase load(ContentSource source) {
        return new KnowledgeBase(source, Snapshot.of(new ContentLoader().load(source)));
    }

    /**
     * Ranked topics for a citizen's question, with a calibrated confidence and what to do with it.
     * Never throws for odd input: empty, blank or emoji-only text gives {@link SearchOutcome#EMPTY_QUERY};
     * text longer than {@link TopicIndex#MAX_QUERY_CHARS} is cut and the result's query is the text searched.
     *
     * @param k how many hits to return (clamped to 1..50)
     */
    public SearchResult search(String query, int k) {
        return current.get().index().search(query, k);
    }

    /**
     * A message in a conversation whose previous answer was about {@code previousTopicId}: a question with no
     * subject of its own ("thế lệ phí bao nhiêu?", "làm online được không") is answered from that topic
     * ({@link SearchResult#followUp()}), and so is one the search is unsure about when that topic is among
     * its first candidates ("nếu sinh ở nhà thì sao"); a question with its own clear subject is searched
     * as if it came first, so the conversation does not drift into the previous topic.
     *
     * @param previousTopicId null, or a topic id that no longer exists, for a plain search
     */
    public SearchResult search(String query, int k, String previousTopicId) {
        Snapshot snapshot = current.get();
        Topic previous = previousTopicId == null ? null : snapshot.byId().get(previousTopicId);
        return snapshot.index().search(query, k, previous);
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(current.get().byId().get(id));
    }

    /** All topics, sorted by id. */
    public List<Topic> topics() {
        return current.get().index().topics();
    }

    /** Topics whose {@code review_by} date has passed on {@code day}: editors must review them. */
    public List<Topic> staleOn(LocalDate day) {
        return topics().stream().filter(t -> t.isStaleOn(day)).toList();
    }

    /**
     * Reads and validates the content again and, if it is valid, swaps the new index in. A failed reload
     * keeps serving the previous content and reports why.
     */
    public ReloadResult reload() {
        Snapshot next;
        try {
            next = Snapshot.of(new ContentLoader().load(source));
        } catch (ContentValidationException e) {
            return new ReloadResult(false, topics().size(), e.problems());
        } catch (RuntimeException e) {
            // An index that cannot be built must not take the service down: keep the old one.
            return new ReloadResult(false, topics().size(), List.of(new ContentProblem(
                    source.describe(), ContentProblem.WHOLE_FILE, "cannot build the index: " + e)));
        }
        current.set(next);
        return new ReloadResult(true, next.index().topics().size(), List.of());
    }

    /**
     * Serves {@code files} (validated like the loader's) plus {@code extraTopics} from the next search on,
     * when they are valid and their index builds; otherwise keeps serving the previous content and says why.
     */
    public ReloadResult replace(List<ContentFile> files, Collection<Topic> extraTopics) {
        Snapshot next;
        try {
            next = Snapshot.of(withExtra(new ContentLoader().load(files), extraTopics));
        } catch (ContentValidationException e) {
            return new ReloadResult(false, topics().size(), e.problems());
        } catch (RuntimeException e) {
            return new ReloadResult(false, topics().size(), List.of(new ContentProblem(
                    "(content)", ContentProblem.WHOLE_FILE, "cannot build the index: " + e)));
        }
        current.set(next);
        return new ReloadResult(true, next.index().topics().size(), List.of());
    }

    /**
     * The files of the content source this knowledge base was loaded from (the seed of an empty database).
     *
     * @throws java.io.IOException when the source cannot be read
     */
    public List<ContentFile> sourceFiles() throws java.io.IOException {
        return source.read();
    }

    /** When the content now served was loaded. */
    public Instant loadedAt() {
        return current.get().loadedAt();
    }

    /** Where the content comes from, for logs and the admin page. */
    public String contentLocation() {
        return source.describe();
    }

    private record Snapshot(TopicIndex index, Map<String, Topic> byId, Instant loadedAt) {

        static Snapshot of(LoadedContent content) {
            TopicIndex index = TopicIndex.build(content.topics(), content.synonyms(), content.outOfScope());
            Map<String, Topic> byId = content.topics().stream()
                    .collect(Collectors.toUnmodifiableMap(Topic::id, Function.identity()));
            return new Snapshot(index, byId, Instant.now());
        }
    }
}
