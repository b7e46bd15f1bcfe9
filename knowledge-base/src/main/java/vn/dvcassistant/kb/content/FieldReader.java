package vn.dvcassistant.kb.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dvcassistant.kb.ContentProblem;

/**
 * Reads typed values out of one parsed YAML mapping, recording a {@link ContentProblem} for each
 * value that is missing or malformed and carrying on, so that a file's problems are reported together.
 */
final class FieldReader {

    private final String file;
    private final Map<?, ?> map;
    private final List<ContentProblem> problems;

    FieldReader(String file, Map<?, ?> map, List<ContentProblem> problems) {
        this.file = file;
        this.map = map;
        this.problems = problems;
    }

    void problem(String field, String message) {
        problems.add(new ContentProblem(file, field, message));
    }

    /** A required, non-blank single-line or folded text. */
    String text(String field) {
        Object value = map.get(field);
        if (value == null) {
            problem(field, "missing field");
            return "";
        }
        if (!(value instanceof String s)) {
            problem(field, "must be a text, not a " + describe(value));
            return "";
        }
        if (s.isBlank()) {
            problem(field, "must not be empty");
            return "";
        }
        return s.strip();
    }

    /** An optional text: null when the key is absent, a problem when it is present but blank or not a text. */
    String optionalText(String field) {
        return map.containsKey(field) ? text(field) : null;
    }

    /** An optional list: empty when the key is absent, validated like {@link #list} when present. */
    List<String> optionalList(String field) {
        return map.containsKey(field) ? list(field, 1) : List.of();
    }

    boolean has(String field) {
        return map.containsKey(field);
    }

    /** A required list of non-blank texts with at least {@code min} items. */
    List<String> list(String field, int min) {
        Object value = map.get(field);
        if (value == null) {
            problem(field, "missing field");
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problem(field, "must be a list (lines starting with \"- \"), not a " + describe(value));
            return List.of();
        }
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof String s && !s.isBlank()) {
                out.add(s.strip());
            } else {
                problem(field, "item " + (i + 1) + " must be a non-empty text");
            }
        }
        if (out.size() < min) {
            problem(field, "needs at least " + min + (min == 1 ? " item" : " items") + ", has " + out.size());
        }
        return out;
    }

    Optional<LocalDate> date(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            problem(field, "bad date \"" + value + "\": write it as YYYY-MM-DD, e.g. 2026-11-22");
            return Optional.empty();
        }
    }

    /** An absolute http(s) URL. */
    String url(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getHost().isBlank()) {
                problem(field, "malformed URL \"" + value + "\": must be an absolute http(s) address");
            }
        } catch (URISyntaxException e) {
            problem(field, "malformed URL \"" + value + "\": " + e.getReason());
        }
        return value;
    }

    private static String describe(Object value) {
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof Map) {
            return "mapping";
        }
        return value.getClass().getSimpleName();
    }
}
