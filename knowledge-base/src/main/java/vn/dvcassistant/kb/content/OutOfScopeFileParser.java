package vn.dvcassistant.kb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.YAMLException;
import vn.dvcassistant.kb.ContentProblem;

/**
 * Parses {@code out-of-scope.yml}: questions people send that no topic answers and that the assistant
 * must not answer from one (health, prices, weather, other countries' procedures...). The topic
 * classifier learns them as one more class, so a question like them is recognised as out of scope
 * instead of being pushed onto the nearest topic.
 *
 * <pre>
 * questions:
 *   - giá vàng hôm nay bao nhiêu
 *   - xin visa đi Mỹ cần gì
 * </pre>
 */
final class OutOfScopeFileParser {

    List<String> parse(ContentFile file, List<ContentProblem> problems) {
        if (file.text() == null) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "not valid UTF-8 text"));
            return List.of();
        }
        Object document;
        try {
            document = SafeYaml.create().load(file.text());
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "not valid YAML: " + e.getMessage().replace('\n', ' ')));
            return List.of();
        }
        if (!(document instanceof Map<?, ?> map) || !(map.get("questions") instanceof List<?> items)
                || map.size() != 1) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "must be a mapping with one key: questions: [question, ...]"));
            return List.of();
        }
        List<String> questions = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text) || text.isBlank()) {
                problems.add(new ContentProblem(file.path(), "questions", "a question must be a non-empty text"));
                continue;
            }
            questions.add(text.strip());
        }
        return questions;
    }
}
