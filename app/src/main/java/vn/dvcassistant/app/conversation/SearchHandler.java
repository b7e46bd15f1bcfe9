package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

import java.util.List;
import java.util.Optional;

/**
 * The last handler: searches the knowledge base and answers, asks which topic was meant ({@link #clarify}),
 * or says it does not know ({@link #fallback}). Before clarifying or falling back, a facet question is
 * answered from the previous topic ({@link FollowUpHandler#fromPreviousTopic}).
 */
@Singleton
final class SearchHandler {

    private static final int SEARCH_HITS = 3;
    private static final int MAX_RELATED = 2;

    private final KnowledgeBase knowledgeBase;
    private final AnswerDecisions answers;
    private final FollowUpHandler followUp;
    private final PopularTopics popular;
    private final ConversationSettings settings;
    private final Messages messages;

    SearchHandler(KnowledgeBase knowledgeBase, AnswerDecisions answers, FollowUpHandler followUp,
                  PopularTopics popular, ConversationSettings settings, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.answers = answers;
        this.followUp = followUp;
        this.popular = popular;
        this.settings = settings;
        this.messages = messages;
    }

    /** Always decides: the end of the {@link IntentChain}. */
    Decision decide(Inquiry inquiry) {
        String question = inquiry.message().text();
        SearchResult result = knowledgeBase.search(question, SEARCH_HITS);
        List<SearchHit> options = clarifyOptions(result);
        if (result.outcome() == SearchOutcome.ANSWER && !result.hits().isEmpty() && options.isEmpty()) {
            List<SearchHit> hits = result.hits();
            return answers.answer(hits.get(0).topic(), inquiry.facet().orElse(null), question,
                    hits.get(0).confidence(), hits.subList(1, Math.min(hits.size(), 1 + MAX_RELATED)));
        }
        Optional<Decision> followingUp = followUp.fromPreviousTopic(inquiry);
        if (followingUp.isPresent()) {
            return followingUp.get();
        }
        if (options.size() >= 2) {
            return clarify(result, options);
        }
        return fallback(result.confidence());
    }

    /**
     * The search's own clarify options, or, when it would answer but its first two hits score almost
     * the same ("đăng ký", "bảo hiểm"), the close hits: picking one of them would be a coin toss.
     */
    private List<SearchHit> clarifyOptions(SearchResult result) {
        if (result.outcome() == SearchOutcome.CLARIFY) {
            return result.clarifyOptions();
        }
        List<SearchHit> hits = result.hits();
        if (result.outcome() != SearchOutcome.ANSWER || hits.size() < 2
                || hits.get(1).score() < settings.tieScoreRatio() * hits.get(0).score()) {
            return List.of();
        }
        double floor = SearchResult.CLARIFY_SCORE_RATIO * hits.get(0).score();
        return hits.stream().limit(3).filter(h -> h.score() >= floor).toList();
    }

    /** "Bạn muốn hỏi về thủ tục nào?" with one suggestion per close topic. */
    private Decision clarify(SearchResult result, List<SearchHit> options) {
        List<ChatReply.Suggestion> choices = options.stream()
                .map(h -> new ChatReply.Suggestion(h.topic().id(), h.topic().title())).toList();
        return Decision.clarify(messages.get("chat.clarify"), result.confidence(), choices);
    }

    /** The assistant does not know: the national and the province's hotlines, hand-off, popular topics. */
    private Decision fallback(double confidence) {
        StringBuilder text = new StringBuilder(messages.get("chat.fallback"))
                .append(' ').append(messages.get("chat.fallback.hotline"));
        if (!settings.provinceHotline().isBlank()) {
            String province = settings.provinceName().isBlank() ? "tỉnh" : settings.provinceName();
            text.append(' ').append(messages.get("chat.fallback.provinceHotline", province, settings.provinceHotline()));
        }
        text.append("\n\n").append(messages.get("chat.fallback.handoff"));
        return Decision.fallback(text.toString(), confidence, popular.suggestions());
    }
}
