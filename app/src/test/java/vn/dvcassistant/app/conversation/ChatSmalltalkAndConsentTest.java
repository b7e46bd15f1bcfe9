package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class ChatSmalltalkAndConsentTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SessionRepository sessions;

    @Inject
    ExchangeRepository exchanges;

    @Inject
    ConversationEngine engine;

    @Test
    void firstReplySaysItIsAnAutomatedAssistantAndAsksConsentOnce() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();

        Map<String, Object> first = chat.say(session, "Xin chào");
        assertThat(first.get("kind")).isEqualTo("smalltalk");
        assertThat(first.get("askConsent")).isEqualTo(true);
        assertThat((String) first.get("notice")).contains("trợ lý tự động");
        assertThat((String) first.get("answer")).contains("trợ lý tự động").contains("đồng ý");
        assertThat(first.get("messageId")).isNotNull();

        Map<String, Object> second = chat.say(session, "cảm ơn bạn");
        assertThat(second.get("kind")).isEqualTo("smalltalk");
        assertThat(second.get("askConsent")).isEqualTo(false);
        assertThat(second.get("notice")).isNull();
        assertThat((String) second.get("answer")).doesNotContain("trợ lý tự động");
    }

    @Test
    void silenceIsNotConsentAndTypedAnswersAreRecorded() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        String key = SessionKeys.of(Channel.WEB, session);

        chat.say(session, "hello");
        chat.say(session, "menu");
        assertThat(sessions.findById(key).orElseThrow().consent()).isEqualTo("asked");

        assertThat(engine.consentGiven(Channel.WEB, session)).isFalse();

        Map<String, Object> yes = chat.say(session, "Đồng ý");
        assertThat(yes.get("kind")).isEqualTo("smalltalk");
        assertThat(sessions.findById(key).orElseThrow().consentGiven()).isTrue();
        assertThat(engine.consentGiven(Channel.WEB, session)).isTrue();
        assertThat(engine.consentGiven(Channel.TELEGRAM, session)).as("consent is per channel session").isFalse();

        chat.say(session, "không đồng ý ạ");
        assertThat(sessions.findById(key).orElseThrow().consent()).isEqualTo("refused");
    }

    @Test
    void consentButtonEndpointRecordsTheChoice() {
        String session = UUID.randomUUID().toString();
        Map<?, ?> reply = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/consent",
                Map.of("sessionId", session, "consent", true)).contentType(MediaType.APPLICATION_JSON_TYPE), Map.class);
        assertThat(reply.get("consent")).isEqualTo("given");
        assertThat(sessions.findById(SessionKeys.of(Channel.WEB, session)).orElseThrow().consentGiven()).isTrue();
    }

    @Test
    void fallbackAdmitsNotKnowingGivesHotlineAndCanPassTheQuestionOn() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        chat.say(session, "chào");

        Map<String, Object> reply = chat.say(session, "máy bay trực thăng giá bao nhiêu ở sao Hỏa");
        assertThat(reply.get("kind")).isEqualTo("fallback");
        assertThat((String) reply.get("answer")).contains("18001096").contains("chuyển câu hỏi");
        assertThat(ChatClient.list(reply, "sources")).isEmpty();
        assertThat(((Number) reply.get("confidence")).doubleValue()).isBetween(0.0, 1.0);

        Map<String, Object> handoff = chat.say(session, "chuyển câu hỏi");
        assertThat((String) handoff.get("answer")).contains("đã chuyển");
        Exchange unanswered = exchanges.findById(UUID.fromString((String) reply.get("messageId"))).orElseThrow();
        assertThat(unanswered.handoffRequested()).isTrue();
        assertThat(exchanges.findUnanswered(unanswered.createdAt().minusSeconds(1), 50))
                .extracting(Exchange::id).contains(unanswered.id());
    }

    @Test
    void storedQuestionHasIdentityAndPhoneNumbersMasked() {
        ChatClient chat = new ChatClient(http);
        String session = UUID.randomUUID().toString();
        Map<String, Object> reply = chat.say(session,
                "Số căn cước 001203004567 của tôi, CMND 123456789, gọi 0912 345 678 hoặc +84 24 3825 1234 nhé");

        Exchange stored = exchanges.findById(UUID.fromString((String) reply.get("messageId"))).orElseThrow();
        assertThat(stored.question())
                .doesNotContain("001203004567").doesNotContain("123456789")
                .doesNotContain("0912 345 678").doesNotContain("3825 1234")
                .contains("[số giấy tờ]").contains("[số điện thoại]")
                .contains("Số căn cước");
        assertThat(stored.channel()).isEqualTo("web");
        assertThat(stored.sessionId()).doesNotContain(session).hasSize(64);
        assertThat(stored.latencyMs()).isGreaterThanOrEqualTo(0);
    }
}
