package vn.dvcassistant.kb.content;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.ContentValidationException;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.analysis.SynonymDictionary;

/**
 * Loads and validates a whole content root: {@code synonyms.yml} at the root and one
 * {@code <field>/<id>.yml} per topic. Collects every problem before failing.
 */
public final class ContentLoader {

    public static final String SYNONYMS_FILE = "synonyms.yml";
    /** Optional: questions the assistant must recognise as outside its content. */
    public static final String OUT_OF_SCOPE_FILE = "out-of-scope.yml";

    private final TopicFileParser topicParser = new TopicFileParser();
    private final SynonymFileParser synonymParser = new SynonymFileParser();
    private final OutOfScopeFileParser outOfScopeParser = new OutOfScopeFileParser();

    /**
     * @throws ContentValidationException with all problems when any file is invalid or the root unreadable
     */
    public LoadedContent load(ContentSource source) {
        List<ContentFile> files;
        try {
            files = source.read();
        } catch (IOException e) {
            throw new ContentValidationException(List.of(
                    new ContentProblem(source.describe(), ContentProblem.WHOLE_FILE, "cannot read content: " + e.getMessage())));
        }
        return load(files);
    }

    /**
     * Validates one topic file on its own (an editor's draft) with the same rules as a whole load;
     * every problem is added to {@code problems}.
     */
    public Optional<Topic> parseTopic(ContentFile file, List<ContentProblem> problems) {
        return topicParser.parse(file, problems);
    }

    public LoadedContent load(List<ContentFile> files) {
        List<ContentProblem> problems = new ArrayList<>();
        List<Topic> topics = new ArrayList<>();
        Map<String, String> fileById = new HashMap<>();
        SynonymDictionary synonyms = null;
        List<String> outOfScope = List.of();
        for (ContentFile file : files) {
            if (file.folder().isEmpty()) {
                if (file.path().equals(SYNONYMS_FILE)) {
                    synonyms = synonymParser.parse(file, problems);
                } else if (file.path().equals(OUT_OF_SCOPE_FILE)) {
                    outOfScope = outOfScopeParser.parse(file, problems);
                } else {
                    problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                            "unexpected file at the content root; topics go in <field>/<id>.yml"));
                }
                continue;
            }
            if (file.folder().contains("/")) {
                problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                        "too deep; topics go directly in <field>/<id>.yml"));
                continue;
            }
            Optional<Topic> topic = topicParser.parse(file, problems);
            if (topic.isEmpty()) {
                continue;
            }
            String previous = fileById.putIfAbsent(topic.get().id(), file.path());
            if (previous != null) {
                problems.add(new ContentProblem(file.path(), "id",
                        "duplicate id \"" + topic.get().id() + "\", already used by " + previous));
                continue;
            }
            topics.add(topic.get());
        }
        if (synonyms == null) {
            problems.add(new ContentProblem(SYNONYMS_FILE, ContentProblem.WHOLE_FILE, "missing dictionary file"));
        }
        if (problems.isEmpty() && topics.isEmpty()) {
            problems.add(new ContentProblem("(content root)", ContentProblem.WHOLE_FILE, "no topic files found"));
        }
        if (!problems.isEmpty()) {
            throw new ContentValidationException(problems);
        }
        topics.sort(Comparator.comparing(Topic::id));
        return new LoadedContent(topics, synonyms, outOfScope);
    }
}
