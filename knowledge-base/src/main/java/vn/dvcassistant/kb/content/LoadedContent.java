package vn.dvcassistant.kb.content;

import java.util.List;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.analysis.SynonymDictionary;

/**
 * Validated content: topics sorted by id, the synonym dictionary, and the questions that are known to be
 * out of scope (empty when the content has no {@code out-of-scope.yml}).
 */
public record LoadedContent(List<Topic> topics, SynonymDictionary synonyms, List<String> outOfScope) {

    public LoadedContent {
        topics = List.copyOf(topics);
        outOfScope = List.copyOf(outOfScope);
    }

    public LoadedContent(List<Topic> topics, SynonymDictionary synonyms) {
        this(topics, synonyms, List.of());
    }
}
