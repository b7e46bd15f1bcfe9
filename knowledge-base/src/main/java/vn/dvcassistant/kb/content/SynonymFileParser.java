package vn.dvcassistant.kb.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;
import vn.dvcassistant.kb.ContentProblem;
import vn.dvcassistant.kb.analysis.SynonymDictionary;

/**
 * Parses {@code synonyms.yml}: a mapping from a canonical phrase to the list of variants people write
 * for it. Every variant is rewritten to its canonical phrase, at index and at query time.
 *
 * <pre>
 * căn cước công dân: [cccd]
 * giấy phép lái xe: [gplx, bằng lái, bằng lái xe]
 * </pre>
 */
final class SynonymFileParser {

    SynonymDictionary parse(ContentFile file, List<ContentProblem> problems) {
        if (file.text() == null) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE, "not valid UTF-8 text"));
            return SynonymDictionary.EMPTY;
        }
        Object document;
        try {
            document = SafeYaml.create().load(file.text());
        } catch (YAMLException e) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "not valid YAML: " + e.getMessage().replace('\n', ' ')));
            return SynonymDictionary.EMPTY;
        }
        if (document == null) {
            return SynonymDictionary.EMPTY;
        }
        if (!(document instanceof Map<?, ?> map)) {
            problems.add(new ContentProblem(file.path(), ContentProblem.WHOLE_FILE,
                    "must be a mapping: canonical phrase: [variant, variant, ...]"));
            return SynonymDictionary.EMPTY;
        }
        SynonymDictionary.Builder builder = SynonymDictionary.builder();
        map.forEach((key, value) -> {
            String canonical = String.valueOf(key);
            if (!(value instanceof List<?> variants) || variants.isEmpty()) {
                problems.add(new ContentProblem(file.path(), canonical, "must list its variants: [variant, ...]"));
                return;
            }
            for (Object variant : variants) {
                if (!(variant instanceof String text) || text.isBlank()) {
                    problems.add(new ContentProblem(file.path(), canonical, "a variant must be a non-empty text"));
                    continue;
                }
                Optional<String> refused = builder.add(text, canonical);
                refused.ifPresent(why -> problems.add(new ContentProblem(file.path(), canonical, why)));
            }
        });
        return builder.build();
    }
}
