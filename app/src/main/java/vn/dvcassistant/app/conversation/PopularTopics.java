package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.kb.KnowledgeBase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The topics greetings, menus and the fallback offer: the most asked, topped up from the configured defaults. */
@Singleton
final class PopularTopics {

    private final MostAskedTopics mostAsked;
    private final KnowledgeBase knowledgeBase;
    private final ConversationSettings settings;

    PopularTopics(MostAskedTopics mostAsked, KnowledgeBase knowledgeBase, ConversationSettings settings) {
        this.mostAsked = mostAsked;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
    }

    List<ChatReply.Suggestion> suggestions() {
        int count = settings.suggestionCount();
        Set<String> ids = new LinkedHashSet<>(mostAsked.ids(count));
        ids.addAll(settings.defaultSuggestions());
        List<ChatReply.Suggestion> suggestions = new ArrayList<>();
        for (String id : ids) {
            knowledgeBase.topic(id).ifPresent(t -> suggestions.add(new ChatReply.Suggestion(t.id(), t.title())));
            if (suggestions.size() == count) {
                break;
            }
        }
        return suggestions;
    }
}
