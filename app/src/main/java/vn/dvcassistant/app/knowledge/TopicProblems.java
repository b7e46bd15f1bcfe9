package vn.dvcassistant.app.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Why an entry was refused: a Vietnamese message per field, for the form and the API.
 */
public final class TopicProblems extends RuntimeException {

    private final Map<String, List<String>> byField;

    TopicProblems(Map<String, List<String>> byField) {
        super("invalid_topic", null, false, false);
        this.byField = Map.copyOf(byField);
    }

    public Map<String, List<String>> byField() {
        return byField;
    }
}
