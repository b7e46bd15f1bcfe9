package vn.dvcassistant.app.llm;

import java.util.Map;

/**
 * How one entry was answered while the model was configured.
 *
 * @param byModel    answers the model composed (the guard accepted them)
 * @param byTemplate answers the template composed instead
 * @param reasons    for the template answers: reason code ({@link GuardReason#code()}) to count, most first
 */
public record ComposerCounts(long byModel, long byTemplate, Map<String, Long> reasons) {

    public long total() {
        return byModel + byTemplate;
    }
}
