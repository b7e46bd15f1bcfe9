package vn.dvcassistant.kb;

import java.util.List;

/**
 * What a reload did.
 *
 * @param success    true when the new content is now served; false when the old index is kept
 * @param topicCount topics served after the reload (the old count when it failed)
 * @param problems   why the reload failed; empty on success
 */
public record ReloadResult(boolean success, int topicCount, List<ContentProblem> problems) {

    public ReloadResult {
        problems = List.copyOf(problems);
    }
}
