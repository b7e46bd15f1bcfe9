package vn.dvcassistant.app.conversation;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchHit;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The last handler: searches the knowledge base with the conversation's previous topic as context and
 * answers, answers a follow-up from the previous topic ("lệ phí bao nhiêu?"), asks which of two or three
 * topics was meant ({@link #clarify}), or says it does not know ({@link #fallback}). When a question is a
 * follow-up, and when it is close enough to answer, is the knowledge base's decision
 * ({@link KnowledgeBase#search(String, int, String)}), not this class's.
 */
@Singleton
final class SearchHandler {

    private static final int SEARCH_HITS = 3;
    private static final int MAX_RELATED = 2;
    /** A fallback offers the nearest topics only when the first is at least this likely to be meant. */
    static final double NEAREST_MIN_CONFIDENCE = 0.1;

    private final KnowledgeBase knowledgeBase;
    private final AnswerDecisions answers;
    private final PopularTopics popular;
    private final ConversationSettings settings;
    private final Messages messages;

    SearchHandler(KnowledgeBase knowledgeBase, AnswerDecisions answers, PopularTopics popular,
                  ConversationSettings settings, Messages messages) {
        this.knowledgeBase = knowledgeBase;
        this.answers = answers;
        this.popular = popular;
        this.settings = settings;
        this.messages = messages;
    }

    /** Always decides: the end of the {@link IntentChain}. */
    Decision decide(Inquiry inquiry) {
        String question = inquiry.message().text();
        SearchResult result = knowledgeBase.search(question, SEARCH_HITS, inquiry.session().lastTopicId());
        if (result.followUp()) {
            return answers.answer(result.hits().get(0).topic(), inquiry.facet().orElse(null), question,
                    settings.followUpConfidence(), List.of());
        }
        if (result.outcome() == SearchOutcome.ANSWER) {
            List<SearchHit> hits = result.hits();
            return answers.answer(hits.get(0).topic(), inquiry.facet().orElse(null), question,
                    hits.get(0).confidence(), hits.subList(1, Math.min(hits.size(), 1 + MAX_RELATED)));
        }
        List<SearchHit> options = result.clarifyOptions();
        if (options.size() >= 2) {
            return clarify(result, options);
        }
        return fallback(result);
    }

    /** "Bạn muốn hỏi về «Đăng ký khai sinh» hay «Liên thông ...»?" with one button per topic. */
    private Decision clarify(SearchResult result, List<SearchHit> options) {
        return Decision.clarify(messages.get("chat.clarify", inWords(options)), result.confidence(), choices(options));
    }

    /**
     * The assistant does not know: the national and the province's hotlines, hand-off, and the topics
     * nearest to what was asked (the most asked topics when nothing is near).
     */
    private Decision fallback(SearchResult result) {
        StringBuilder text = new StringBuilder(messages.get("chat.fallback"))
                .append(' ').append(messages.get("chat.fallback.hotline"));
        if (!settings.provinceHotline().isBlank()) {
            String province = settings.provinceName().isBlank() ? "tỉnh" : settings.provinceName();
            text.append(' ').append(messages.get("chat.fallback.provinceHotline", province, settings.provinceHotline()));
        }
        List<SearchHit> nearest = nearest(result);
        if (!nearest.isEmpty()) {
            text.append("\n\n").append(messages.get("chat.fallback.nearest"));
        }
        text.append("\n\n").append(messages.get("chat.fallback.handoff"));
        return Decision.fallback(text.toString(), result.confidence(),
                nearest.isEmpty() ? popular.suggestions() : withPopular(choices(nearest)));
    }

    /**
     * A single near topic is one guess; the most asked topics after it give someone who asked vaguely
     * ("cho hỏi thủ tục") a choice instead of a yes-or-no.
     */
    private List<ChatReply.Suggestion> withPopular(List<ChatReply.Suggestion> near) {
        if (near.size() > 1) {
            return near;
        }
        List<ChatReply.Suggestion> offered = new java.util.ArrayList<>(near);
        for (ChatReply.Suggestion s : popular.suggestions()) {
            if (offered.stream().noneMatch(o -> o.id().equals(s.id()))) {
                offered.add(s);
            }
        }
        return offered;
    }

    /**
     * The first hits, while each is at least half as likely as the first (as a clarify question offers them);
     * none when even the first is a long shot ("cách nấu phở"), where the most asked topics serve better.
     */
    private static List<SearchHit> nearest(SearchResult result) {
        List<SearchHit> hits = result.hits();
        if (hits.isEmpty() || hits.get(0).confidence() < NEAREST_MIN_CONFIDENCE) {
            return List.of();
        }
        double floor = SearchResult.CLARIFY_SCORE_RATIO * hits.get(0).score();
        return hits.stream().limit(SEARCH_HITS).filter(h -> h.score() >= floor).toList();
    }

    private static List<ChatReply.Suggestion> choices(List<SearchHit> hits) {
        return hits.stream().map(h -> new ChatReply.Suggestion(h.topic().id(), h.topic().title())).toList();
    }

    /** «A» hay «B», or «A», «B» hay «C». */
    private static String inWords(List<SearchHit> options) {
        List<String> titles = options.stream().map(h -> "«" + h.topic().title() + "»").toList();
        String head = titles.subList(0, titles.size() - 1).stream().collect(Collectors.joining(", "));
        return head + " hay " + titles.get(titles.size() - 1);
    }
}
