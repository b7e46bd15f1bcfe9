package vn.dvcassistant.app.knowledge;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.app.api.Refusal;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.ContentValidationException;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;
import vn.dvcassistant.kb.content.ContentFile;
import vn.dvcassistant.kb.content.ContentLoader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Draft → review → published. An editor saves a draft (checked by the loader's rules, problems per field
 * in Vietnamese); another staff member approves it (unless review is off); the published set is checked
 * whole before it is stored, so a broken entry never reaches the index.
 */
@Singleton
public class TopicDrafts {

    private static final Logger LOG = LoggerFactory.getLogger(TopicDrafts.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_ID = 80;

    private final ContentStore store;
    private final ContentSync sync;
    private final ContentSettings settings;
    private final ContentLoader loader = new ContentLoader();
    /** Reloads this instance right after a publication, without holding the approver's request. */
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "content-reload");
        t.setDaemon(true);
        return t;
    });

    TopicDrafts(ContentStore store, ContentSync sync, ContentSettings settings) {
        this.store = store;
        this.sync = sync;
        this.settings = settings;
    }

    /** The id rule of a topic made by an editor; the catalogue's prefix is reserved. */
    public static void checkId(String id) {
        if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches() || id.startsWith(CatalogueTopics.ID_PREFIX)) {
            throw new TopicProblems(Map.of("id", List.of(id != null && id.startsWith(CatalogueTopics.ID_PREFIX)
                    ? "Mã bắt đầu bằng \"tthc-\" dành cho danh mục thủ tục."
                    : "Mã chỉ được gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 80 ký tự), ví dụ dang-ky-khai-sinh.")));
        }
    }

    /** Checks an entry without saving it: the topic, or the problems per field. */
    public Topic check(String id, Map<String, Object> fields) {
        checkId(id);
        Map<String, List<String>> broken = new java.util.LinkedHashMap<>();
        fields.forEach((key, value) -> {
            if (hasBrokenText(key) || hasBrokenText(value)) {
                broken.put(String.valueOf(key).replaceAll("[\\uD800-\\uDFFF]", "?"),
                        List.of("Có ký tự không hợp lệ (mã hóa hỏng); hãy gõ lại nội dung này."));
            }
        });
        if (!broken.isEmpty()) {
            throw new TopicProblems(broken);
        }
        String yaml = TopicYaml.of(id, fields);
        List<ContentProblem> problems = new ArrayList<>();
        Optional<Topic> topic = loader.parseTopic(new ContentFile(TopicYaml.path(id, fields), yaml), problems);
        if (topic.isEmpty()) {
            throw new TopicProblems(byField(problems));
        }
        return topic.get();
    }

    /**
     * A lone UTF-16 surrogate (what a malformed "\\ud800" in JSON decodes to) cannot be written as YAML or
     * stored as UTF-8: refused per field before anything else reads it.
     */
    private static boolean hasBrokenText(Object value) {
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> hasBrokenText(e.getKey()) || hasBrokenText(e.getValue()));
        }
        if (value instanceof java.util.Collection<?> items) {
            return items.stream().anyMatch(TopicDrafts::hasBrokenText);
        }
        return false;
    }

    /** Saves the entry as its draft (replacing an open one). */
    public EntryVersion saveDraft(String id, Map<String, Object> fields, String author, String origin) {
        check(id, fields);
        return store.saveDraft(id, TopicYaml.path(id, fields), TopicYaml.of(id, fields), author, origin);
    }

    /** Brings an old version back as the entry's draft, to be reviewed like any change. */
    public EntryVersion restore(String id, int version, String author) {
        EntryVersion old = store.version(id, version).orElseThrow(() -> Refusal.notFound("unknown_version"));
        return store.saveDraft(id, old.path(), old.yaml(), author, "restore");
    }

    /**
     * Publishes the entry's draft.
     *
     * @throws Refusal 403 {@code own_draft} when review is on and the approver wrote the draft; 409
     *                 {@code content_invalid} when the published set with this draft would not load
     */
    public EntryVersion approve(String id, String reviewer) {
        EntryVersion published = store.publishDraft(id, reviewer, draft -> {
            if (settings.review() && draft.author().equals(reviewer)) {
                throw Refusal.forbidden("own_draft");
            }
            List<ContentFile> files = new ArrayList<>();
            for (ContentFile f : store.publishedFiles()) {
                if (!ContentStore.entryIdOf(f).equals(id)) {
                    files.add(f);
                }
            }
            files.add(new ContentFile(draft.path(), draft.yaml()));
            try {
                loader.load(files);
            } catch (ContentValidationException e) {
                LOG.warn("content=publish_refused entry={} problems={}", id, e.problems().size());
                throw Refusal.conflict("content_invalid");
            }
        });
        LOG.info("content=published entry={} version={}", id, published.version());
        reloads.execute(sync::poll);
        return published;
    }

    /** The fields an editor starts from: the open draft, else the published version, else none (a new topic). */
    public Optional<EntryVersion> editable(String id) {
        return store.current(id, EntryVersion.DRAFT).or(() -> store.current(id, EntryVersion.PUBLISHED));
    }

    /** The fields of a stored version as the form shows them (the YAML field names). */
    public static Map<String, Object> fields(EntryVersion version) {
        return TopicYaml.fields(version.yaml());
    }

    /**
     * Adds a way of asking to the entry's draft (made from the published version when there is none): the
     * question a citizen asked that the search did not match.
     */
    public EntryVersion addQuestion(String id, String question, String author) {
        EntryVersion base = editable(id).orElseThrow(() -> Refusal.notFound("unknown_topic"));
        Map<String, Object> fields = new LinkedHashMap<>(fields(base));
        fields.remove("id");
        List<String> questions = new ArrayList<>(TopicYaml.list(fields, "questions"));
        String asked = question.strip();
        if (!asked.isEmpty() && questions.stream().noneMatch(q -> q.equalsIgnoreCase(asked))) {
            questions.add(asked);
        }
        fields.put("questions", questions);
        return saveDraft(id, fields, author, "editor");
    }

    /**
     * Which of {@code questions} the entry's draft would answer: searched in a throwaway index of the published
     * content with the draft in place of its published version (the catalogue left out), through the
     * knowledge base's public search, exactly as a citizen's question is.
     */
    public List<String> wouldAnswer(String id, List<String> questions) {
        Optional<EntryVersion> draft = store.current(id, EntryVersion.DRAFT);
        if (draft.isEmpty() || questions.isEmpty()) {
            return List.of();
        }
        List<ContentFile> files = new ArrayList<>();
        for (ContentFile f : store.publishedFiles()) {
            if (!ContentStore.entryIdOf(f).equals(id)) {
                files.add(f);
            }
        }
        files.add(new ContentFile(draft.get().path(), draft.get().yaml()));
        vn.dvcassistant.kb.KnowledgeBase trial;
        try {
            trial = vn.dvcassistant.kb.KnowledgeBase.fromFiles(files, List.of());
        } catch (ContentValidationException e) {
            return List.of();
        }
        List<String> answered = new ArrayList<>();
        for (String question : questions) {
            vn.dvcassistant.kb.SearchResult result = trial.search(question, 3, null);
            if (result.outcome() == vn.dvcassistant.kb.SearchOutcome.ANSWER && !result.hits().isEmpty()
                    && result.hits().get(0).topic().id().equals(id)) {
                answered.add(question);
            }
        }
        return answered;
    }

    static Map<String, List<String>> byField(List<ContentProblem> problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ContentProblem p : problems) {
            String field = ContentProblem.WHOLE_FILE.equals(p.field()) ? "entry" : p.field();
            out.computeIfAbsent(field, k -> new ArrayList<>()).add(ProblemText.vietnamese(p.message()));
        }
        return out;
    }
}
