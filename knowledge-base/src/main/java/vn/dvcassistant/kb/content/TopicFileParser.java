package vn.dvcassistant.kb.content;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.Deadline;
import vn.dvcassistant.kb.Field;
import vn.dvcassistant.kb.OnlineLevel;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.TopicKind;

/** Parses and validates one {@code <field>/<id>.yml} file (format: content/README.md). */
final class TopicFileParser {

    static final int MAX_SUMMARY_WORDS = 80;
    static final int MIN_QUESTIONS = 4;
    /** The first reply must fit a phone screen and an elderly reader: at most 40 words, 3 sentences. */
    static final int MAX_SHORT_WORDS = 40;
    static final int MAX_SHORT_SENTENCES = 3;

    static final Set<String> KNOWN_FIELDS = Set.of(
            "id", "title", "field", "authority", "online", "summary", "steps", "documents", "fee",
            "processing_time", "legal_basis", "official_url", "questions", "keywords", "sources",
            "reviewed", "review_by", "kind", "short", "procedure_codes", "deadline");

    /** What only a procedure has; an information topic that states one of them is refused. */
    static final List<String> PROCEDURE_ONLY = List.of("authority", "online", "fee", "processing_time");

    /**
     * The 2025 decentralisation decrees (125, 140, 151/2025/NĐ-CP) apply until 1/3/2027 unless extended, so an
     * entry resting on them must be reviewed by then.
     */
    static final Pattern DECENTRALISATION_DECREES = Pattern.compile("\\b(125|140|151)/2025/N");
    static final LocalDate DECENTRALISATION_REVIEW = LocalDate.of(2027, 2, 28);

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern WORDS = Pattern.compile("\\s+");
    /** A sentence ends at . ! ? followed by a space or the end; "1.000.000" and "7.2" do not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+(\\s|$)");
    /** National codes look like 1.012786 or 2.002180.000.00.00.H12: digits and dots, letters in the tail. */
    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9]+(\\.[0-9A-Za-z]+)+");

    private final Yaml yaml = SafeYaml.create();

    /** Returns the topic, or empty when the file has problems (all of them added to {@code problems}). */
    Optional<Topic> parse(ContentFile file, List<ContentProblem> problems) {
        int before = problems.size();
        if (file.text() == null) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "not valid UTF-8 text"));
            return Optional.empty();
        }
        Object document;
        try {
            document = yaml.load(file.text());
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "not valid YAML: " + e.getMessage().replace('\n', ' ')));
            return Optional.empty();
        }
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "must be a mapping of fields (id: ..., title: ...)"));
            return Optional.empty();
        }
        FieldReader in = new FieldReader(file.path(), map, problems);
        for (Object key : map.keySet()) {
            if (!KNOWN_FIELDS.contains(String.valueOf(key))) {
                in.problem(String.valueOf(key), "unknown field; known fields: "
                        + KNOWN_FIELDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }

        String id = in.text("id");
        if (!id.isEmpty()) {
            if (!SLUG.matcher(id).matches()) {
                in.problem("id", "\"" + id + "\" must be lower-case letters, digits and hyphens");
            }
            if (!id.equals(file.baseName())) {
                in.problem("id", "\"" + id + "\" differs from the file name \"" + file.baseName()
                        + ".yml\"; they must be equal");
            }
        }
        String title = in.text("title");
        Field field = readField(in, file);
        TopicKind kind = readKind(in);
        boolean procedure = kind != TopicKind.INFORMATION;
        if (!procedure) {
            for (String only : PROCEDURE_ONLY) {
                if (in.has(only)) {
                    in.problem(only, "an information topic has no " + only + "; remove it, or write kind: procedure");
                }
            }
        }
        String authority = procedure ? in.text("authority") : null;
        OnlineLevel online = procedure ? readOnline(in) : null;
        String summary = in.text("summary");
        int words = summary.isEmpty() ? 0 : WORDS.split(summary.strip()).length;
        if (words > MAX_SUMMARY_WORDS) {
            in.problem("summary", "summary too long: " + words + " words, at most " + MAX_SUMMARY_WORDS);
        }
        List<String> steps = in.list("steps", 1);
        List<String> documents = in.list("documents", 0);
        String fee = procedure ? in.text("fee") : null;
        String processingTime = procedure ? in.text("processing_time") : null;
        String shortAnswer = readShort(in, procedure);
        List<String> procedureCodes = in.optionalList("procedure_codes");
        for (String code : procedureCodes) {
            if (!PROCEDURE_CODE.matcher(code).matches()) {
                in.problem("procedure_codes", "\"" + code + "\" is not a procedure code (digits and dots, e.g. 1.012786)");
            }
        }
        List<String> legalBasis = in.list("legal_basis", 0);
        String officialUrl = in.url("official_url");
        List<String> questions = in.list("questions", MIN_QUESTIONS);
        List<String> keywords = in.list("keywords", 0);
        List<String> sources = in.list("sources", 1);
        Optional<LocalDate> reviewed = in.date("reviewed");
        Optional<LocalDate> reviewBy = in.date("review_by");
        if (reviewed.isPresent() && reviewBy.isPresent() && reviewBy.get().isBefore(reviewed.get())) {
            in.problem("review_by", "review_by " + reviewBy.get() + " is before reviewed " + reviewed.get());
        }
        if (reviewBy.isPresent() && reviewBy.get().isAfter(DECENTRALISATION_REVIEW)
                && legalBasis.stream().anyMatch(l -> DECENTRALISATION_DECREES.matcher(l).find())) {
            in.problem("review_by", "cites a 2025 decentralisation decree, which applies until "
                    + DECENTRALISATION_REVIEW.plusDays(1) + " unless extended: review_by must be on or before "
                    + DECENTRALISATION_REVIEW);
        }

        Deadline deadline = DeadlineReader.read(in, map.get("deadline"),
                String.join("\n", nonNull(shortAnswer, summary, fee, processingTime, String.join("\n", steps),
                        String.join("\n", documents))));

        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Topic(id, title, field, authority, online, summary, steps, documents, fee,
                processingTime, legalBasis, officialUrl, questions, keywords, sources, reviewed.get(),
                reviewBy.get(), kind == null ? TopicKind.PROCEDURE : kind, shortAnswer, procedureCodes, deadline));
    }

    private static List<String> nonNull(String... texts) {
        return Arrays.stream(texts).filter(t -> t != null).toList();
    }

    private static TopicKind readKind(FieldReader in) {
        String code = in.optionalText("kind");
        if (code == null || code.isEmpty()) {
            return code == null ? TopicKind.PROCEDURE : null;
        }
        Optional<TopicKind> kind = TopicKind.fromCode(code);
        if (kind.isEmpty()) {
            in.problem("kind", "unknown kind \"" + code + "\"; use one of: "
                    + Arrays.stream(TopicKind.values()).map(TopicKind::code).collect(Collectors.joining(", ")));
        }
        return kind.orElse(null);
    }

    /**
     * A procedure's first reply is its short answer, so a procedure must have one; an information
     * topic may go without (the chat then opens with its summary).
     */
    private static String readShort(FieldReader in, boolean procedure) {
        String text = in.optionalText("short");
        if (text == null || text.isEmpty()) {
            if (procedure) {
                in.problem("short", "a procedure needs a short answer: at most " + MAX_SHORT_WORDS + " words in at most "
                        + MAX_SHORT_SENTENCES + " sentences, the first reply a citizen reads");
            }
            return null;
        }
        int words = WORDS.split(text).length;
        if (words > MAX_SHORT_WORDS) {
            in.problem("short", "short answer too long: " + words + " words, at most " + MAX_SHORT_WORDS);
        }
        int sentences = sentenceCount(text);
        if (sentences > MAX_SHORT_SENTENCES) {
            in.problem("short", "short answer has " + sentences + " sentences, at most " + MAX_SHORT_SENTENCES);
        }
        return text;
    }

    static int sentenceCount(String text) {
        int count = 0;
        var m = SENTENCE_END.matcher(text.strip());
        while (m.find()) {
            count++;
        }
        // A last sentence without a full stop still counts.
        String stripped = text.strip();
        boolean endsWithStop = !stripped.isEmpty() && ".!?…".indexOf(stripped.charAt(stripped.length() - 1)) >= 0;
        return endsWithStop ? count : count + 1;
    }

    private static Field readField(FieldReader in, ContentFile file) {
        String code = in.text("field");
        if (code.isEmpty()) {
            return null;
        }
        Optional<Field> field = Field.fromCode(code);
        if (field.isEmpty()) {
            in.problem("field", "unknown field code \"" + code + "\"; known codes: "
                    + Arrays.stream(Field.values()).map(Field::code).collect(Collectors.joining(", ")));
            return null;
        }
        if (!code.equals(file.folder())) {
            in.problem("field", "field \"" + code + "\" differs from the folder \"" + file.folder()
                    + "\"; the file must sit in content/" + code + "/");
        }
        return field.get();
    }

    private static OnlineLevel readOnline(FieldReader in) {
        String label = in.text("online");
        if (label.isEmpty()) {
            return null;
        }
        Optional<OnlineLevel> level = OnlineLevel.fromLabel(label);
        if (level.isEmpty()) {
            in.problem("online", "unknown online level \"" + label + "\"; use one of: "
                    + Arrays.stream(OnlineLevel.values()).map(OnlineLevel::label).collect(Collectors.joining(", ")));
        }
        return level.orElse(null);
    }
}
