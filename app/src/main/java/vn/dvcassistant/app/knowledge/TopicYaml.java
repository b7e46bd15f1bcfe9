package vn.dvcassistant.app.knowledge;

import vn.dvcassistant.kb.content.SafeYaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An entry sent as JSON (the YAML field names) written as the YAML file the loader reads. */
final class TopicYaml {

    private TopicYaml() {
    }

    /** The YAML text of the entry {@code id} with the fields as given (the loader judges them). */
    static String of(String id, Map<String, Object> fields) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("id", id);
        fields.forEach((key, value) -> {
            if (!"id".equals(key)) {
                ordered.put(key, value);
            }
        });
        return SafeYaml.dump(ordered);
    }

    /** The folder of the entry's file: its field code, or a placeholder the loader reports when it is missing. */
    static String path(String id, Map<String, Object> fields) {
        Object field = fields.get("field");
        String folder = field instanceof String s && s.matches("[a-z0-9-]{1,40}") ? s : "linh-vuc-chua-ro";
        return folder + "/" + id + ".yml";
    }

    /** The fields of a YAML text, every scalar a string as the loader reads it, for the editor form. */
    static Map<String, Object> fields(String yaml) {
        return SafeYaml.parseMapping(yaml);
    }

    static List<String> list(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(String.valueOf(v));
    }

    static String text(Map<String, Object> fields, String key) {
        Object v = fields.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
