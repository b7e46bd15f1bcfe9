package vn.dvcassistant.kb.content;

import java.util.List;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.analysis.SynonymDictionary;

/** Validated content: topics sorted by id, and the synonym dictionary. */
public record LoadedContent(List<Topic> topics, SynonymDictionary synonyms) {

    public LoadedContent {
        topics = List.copyOf(topics);
    }
}
