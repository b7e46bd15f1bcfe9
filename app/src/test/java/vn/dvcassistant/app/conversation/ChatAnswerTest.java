package vn.dvcassistant.app.conversation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.SearchOutcome;
import vn.dvcassistant.kb.SearchResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ChatAnswerTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    KnowledgeBase knowledgeBase;

    @Test
    @SuppressWarnings("unchecked")
    void answerComesFromTheEntryWithSourcesAndParts() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "xin chào");

        Map<String, Object> reply = chat.say(session, "Thủ tục đăng ký kết hôn cần giấy tờ gì?");

        assertThat(reply.get("kind")).isEqualTo("answer");
        assertThat(((Number) reply.get("confidence")).doubleValue()).isBetween(0.5, 1.0);
        Map<String, Object> source = ChatClient.list(reply, "sources").get(0);
        assertThat(source).containsEntry("id", "dang-ky-ket-hon").containsEntry("field", "ho-tich");
        assertThat((String) source.get("url")).startsWith("http");
        var topic = knowledgeBase.topic("dang-ky-ket-hon").orElseThrow();
        Map<String, Object> parts = (Map<String, Object>) reply.get("parts");
        assertThat(parts).containsEntry("short", topic.firstReply()).containsEntry("kind", "procedure");
        assertThat(parts).containsEntry("summary", topic.summary()).containsEntry("fee", topic.fee())
                .containsEntry("officialUrl", topic.officialUrl()).containsEntry("online", topic.online().label())
                .containsEntry("focus", "documents");
        assertThat((List<String>) parts.get("documents")).isEqualTo(topic.documents());
        assertThat((String) reply.get("answer")).contains(topic.title()).contains(topic.officialUrl());
    }

    @Test
    @SuppressWarnings("unchecked")
    void fullAnswerPutsSummaryFirstThenStepsDocumentsFeeTimeAndLink() {
        var topic = knowledgeBase.topic("the-can-cuoc").orElseThrow();
        Map<String, Object> reply = new ChatClient(http).pick(UUID.randomUUID().toString(), topic.title(), topic.id());

        assertThat(reply.get("kind")).isEqualTo("answer");
        assertThat(ChatClient.list(reply, "sources").get(0)).containsEntry("id", "the-can-cuoc");
        String text = (String) reply.get("answer");
        int summary = text.indexOf(topic.summary());
        int steps = text.indexOf("\nCác bước:");
        int fee = text.indexOf("\nLệ phí:");
        int time = text.indexOf("\nThời gian giải quyết:");
        int link = text.lastIndexOf(topic.officialUrl());
        assertThat(summary).isPositive();
        assertThat(List.of(summary, steps, fee, time, link)).isSorted();
        assertThat(((Map<String, Object>) reply.get("parts")).get("focus")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void followUpFacetQuestionsAreAboutThePreviousTopic() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        assertThat(ChatClient.list(chat.say(session, "đăng ký kết hôn"), "sources").get(0))
                .containsEntry("id", "dang-ky-ket-hon");
        var topic = knowledgeBase.topic("dang-ky-ket-hon").orElseThrow();

        Map<String, Object> fee = chat.say(session, "lệ phí bao nhiêu?");
        assertThat(fee.get("kind")).isEqualTo("answer");
        assertThat(ChatClient.list(fee, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");
        assertThat(((Map<String, Object>) fee.get("parts")).get("focus")).isEqualTo("fee");
        assertThat((String) fee.get("answer")).contains(topic.fee());

        Map<String, Object> online = chat.say(session, "lam online duoc khong");
        assertThat(ChatClient.list(online, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");
        assertThat(((Map<String, Object>) online.get("parts")).get("focus")).isEqualTo("online");

        Map<String, Object> time = chat.say(session, "mất bao lâu vậy");
        assertThat(ChatClient.list(time, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");
        assertThat((String) time.get("answer")).contains(topic.processingTime());
    }

    @Test
    void aNewTopicReplacesTheContext() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "đăng ký kết hôn");
        chat.say(session, "làm căn cước");
        Map<String, Object> fee = chat.say(session, "lệ phí bao nhiêu?");
        assertThat(ChatClient.list(fee, "sources").get(0)).containsEntry("id", "the-can-cuoc");
    }

    @Test
    void facetQuestionWithoutContextIsNotAnsweredFromAnotherSession() {
        ChatClient chat = new ChatClient(http);
        chat.say(UUID.randomUUID().toString(), "đăng ký kết hôn");
        Map<String, Object> reply = chat.say(UUID.randomUUID().toString(), "mất bao lâu vậy");
        List<Map<String, Object>> sources = ChatClient.list(reply, "sources");
        assertThat(sources).noneMatch(s -> "dang-ky-ket-hon".equals(s.get("id")));
    }

    @Test
    void anAmbiguousQuestionGetsAClarifyingQuestionWithTheCloseTopics() {
        Map<String, Object> reply = new ChatClient(http).say(UUID.randomUUID().toString(), "đăng ký");

        assertThat(reply.get("kind")).isEqualTo("clarify");
        List<Map<String, Object>> choices = ChatClient.list(reply, "suggestions");
        assertThat(choices).hasSizeBetween(2, 3);
        assertThat(choices).allSatisfy(c -> assertThat((String) c.get("id")).startsWith("dang-ky"));
        assertThat(ChatClient.list(reply, "sources")).isEmpty();
        assertThat(reply.get("parts")).isNull();
        // The question names the topics, so it reads on its own (and aloud) without the buttons.
        assertThat((String) reply.get("answer")).contains("«" + choices.get(0).get("title") + "»")
                .contains(" hay «" + choices.get(choices.size() - 1).get("title") + "»");
    }

    @Test
    void clarifyOptionsOfTheSearchAreOfferedAsTheyAre() {
        Optional<SearchResult> ambiguous = Stream.of("mất bao lâu vậy", "khai sinh", "bảo hiểm", "đất", "liên thông",
                        "xác nhận", "hồ sơ", "trợ cấp", "giấy phép", "tài khoản", "cấp lại", "thẻ", "khai tử")
                .map(q -> knowledgeBase.search(q, 3))
                .filter(r -> r.outcome() == SearchOutcome.CLARIFY && r.clarifyOptions().size() >= 2)
                .findFirst();
        assertThat(ambiguous).as("the search asks to clarify one of these queries").isPresent();

        Map<String, Object> reply = new ChatClient(http).say(UUID.randomUUID().toString(), ambiguous.get().query());
        assertThat(reply.get("kind")).isEqualTo("clarify");
        assertThat(ChatClient.list(reply, "suggestions")).extracting(s -> s.get("id"))
                .containsExactlyElementsOf(ambiguous.get().clarifyOptions().stream().map(h -> h.topic().id()).toList());
    }

    /** "I don't know" offers what the search found nearest to this question, not the same topics to everyone. */
    @Test
    void aFallbackOffersTheTopicsNearestToTheQuestion() {
        Optional<SearchResult> near = Stream.of("giá vàng hôm nay", "thủ tục nuôi ong lấy mật", "xin visa đi Mỹ",
                        "chứng chỉ hành nghề y", "đổi tên cho con", "cấp phép karaoke")
                .map(q -> knowledgeBase.search(q, 3))
                .filter(r -> r.outcome() == SearchOutcome.FALLBACK && !r.hits().isEmpty()
                        && r.hits().get(0).confidence() >= SearchHandler.NEAREST_MIN_CONFIDENCE)
                .findFirst();
        assertThat(near).as("one of these questions falls back near a topic").isPresent();

        Map<String, Object> reply = new ChatClient(http).say(UUID.randomUUID().toString(), near.get().query());
        assertThat(reply.get("kind")).isEqualTo("fallback");
        assertThat(ChatClient.list(reply, "suggestions").get(0)).containsEntry("id", near.get().hits().get(0).topic().id());
        assertThat((String) reply.get("answer")).contains("Có thể bạn muốn hỏi");
    }

    /** A new question with its own subject is answered as in a fresh conversation, not from the previous topic. */
    @Test
    void aNewSubjectIsNotAnsweredFromThePreviousTopic() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        Map<String, Object> land = chat.say(session, "lam so do lan dau");
        assertThat(ChatClient.list(land, "sources").get(0)).containsEntry("id", "cap-giay-chung-nhan-lan-dau");

        String question = "toi 75 tuoi khong biet dung vneid thi lam sao";
        Map<String, Object> next = chat.say(session, question);
        Map<String, Object> fresh = chat.say(UUID.randomUUID().toString(), question);
        assertThat(next.get("kind")).isEqualTo("answer");
        assertThat(ChatClient.list(next, "sources").get(0).get("id"))
                .isNotEqualTo("cap-giay-chung-nhan-lan-dau")
                .isEqualTo(ChatClient.list(fresh, "sources").get(0).get("id"));
    }

    @Test
    void pickingASuggestionAnswersThatTopic() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        Map<String, Object> clarify = chat.say(session, "đăng ký");
        Map<String, Object> choice = ChatClient.list(clarify, "suggestions").get(1);

        Map<String, Object> reply = chat.pick(session, (String) choice.get("title"), (String) choice.get("id"));
        assertThat(reply.get("kind")).isEqualTo("answer");
        assertThat(ChatClient.list(reply, "sources").get(0)).containsEntry("id", choice.get("id"));
    }

    @Test
    void greetingSuggestsTheMostAskedTopics() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        for (int i = 0; i < 40; i++) {
            chat.pick(session, "phiếu lý lịch tư pháp", "ly-lich-tu-phap");
        }
        Map<String, Object> menu = chat.say(UUID.randomUUID().toString(), "menu");
        assertThat(menu.get("kind")).isEqualTo("smalltalk");
        assertThat(ChatClient.list(menu, "suggestions").get(0)).containsEntry("id", "ly-lich-tu-phap");
        assertThat(ChatClient.list(menu, "suggestions")).hasSizeGreaterThanOrEqualTo(3);
    }
}
