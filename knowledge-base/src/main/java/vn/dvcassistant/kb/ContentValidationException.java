package vn.dvcassistant.kb;

import java.util.List;
import java.util.stream.Collectors;

/** The content could not be loaded; carries every problem found, not just the first. */
public final class ContentValidationException extends RuntimeException {

    private final transient List<ContentProblem> problems;

    public ContentValidationException(List<ContentProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ContentProblem> problems() {
        return problems;
    }

    private static String describe(List<ContentProblem> problems) {
        return problems.size() + " problem(s) in the knowledge-base content:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
