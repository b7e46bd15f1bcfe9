package vn.dvcassistant.app.conversation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.dvcassistant.app.llm.ComposerCounts;
import vn.dvcassistant.app.llm.ComposerOutcomes;
import vn.dvcassistant.app.llm.FakeModelServer;
import vn.dvcassistant.kb.KnowledgeBase;
import vn.dvcassistant.kb.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat API with DVC_LLM_PROVIDER=openai pointed at a fake OpenAI-compatible server: what the citizen gets
 * back ({@code composer}, text, sources) and what the model server receives.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelAnswerChatTest implements TestPropertyProvider {

    private static final long TIMEOUT_MS = 1_500;
    private static final String QUESTION = "Thủ tục đăng ký kết hôn cần giấy tờ gì?";

    private final FakeModelServer fake = start();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    KnowledgeBase knowledgeBase;

    @Inject
    ComposerOutcomes outcomes;

    private static FakeModelServer start() {
        try {
            return new FakeModelServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "dvc.llm.provider", "openai",
                "dvc.llm.base-url", "http://127.0.0.1:" + fake.port() + "/v1",
                "dvc.llm.model", "fake-model",
                "dvc.llm.timeout", TIMEOUT_MS + "ms",
                "dvc.llm.circuit-failures", "3",
                "dvc.llm.circuit-open", "1s");
    }

    @AfterAll
    void stop() {
        fake.close();
    }

    private Topic marriage() {
        return knowledgeBase.topic("dang-ky-ket-hon").orElseThrow();
    }

    /** A grounded answer: the entry's own summary, said again. */
    private String grounded() {
        return "Bạn cần chuẩn bị giấy tờ theo hướng dẫn. " + marriage().summary();
    }

    private Map<String, Object> ask(String text) {
        return new ChatClient(http).say(UUID.randomUUID().toString(), text);
    }

    /**
     * Each test starts with the circuit closed: a grounded answer is asked for until the model's text comes
     * back (the first call also loads the HTTP client, slow on a busy machine).
     */
    @BeforeEach
    void modelAnswers() {
        fake.answers(grounded());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ChatReply.LLM.equals(ask(QUESTION).get("composer")) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aGroundedAnswerIsSentAsTheModelsWithTheEntryAsItsOnlySource() {
        Map<String, Object> reply = ask(QUESTION);

        assertThat(reply).containsEntry("kind", "answer").containsEntry("composer", "llm");
        String answer = (String) reply.get("answer");
        assertThat(answer).contains(grounded() + "\n\nXem chi tiết: " + marriage().officialUrl());
        assertThat((String) reply.get("notice")).contains("mô hình trí tuệ nhân tạo");
        assertThat(ChatClient.list(reply, "sources")).hasSize(1);
        assertThat(ChatClient.list(reply, "sources").get(0)).containsEntry("id", "dang-ky-ket-hon");
        assertThat(fake.paths()).last().isEqualTo("POST /v1/chat/completions");
        assertThat(fake.lastBody()).contains("fake-model").contains("\"messages\"").contains(marriage().fee());
    }

    @Test
    void anAnswerWithAFeePhoneOrDecreeNotInTheEntryIsReplacedByTheTemplate() {
        for (String invented : new String[]{"Lệ phí đăng ký kết hôn là 350.000 đồng.",
                "Bạn gọi 0987 654 321 để được cán bộ hướng dẫn.", "Theo Nghị định 999/2099/NĐ-CP, bạn nộp ở xã."}) {
            fake.answers(invented);
            Map<String, Object> reply = ask(QUESTION);
            assertThat(reply).as(invented).containsEntry("composer", "template");
            assertThat((String) reply.get("answer")).as(invented).doesNotContain(invented).contains(marriage().title());
        }
    }

    @Test
    void theModelReceivesTheQuestionMasked() {
        fake.answers(grounded());
        ask("Đăng ký kết hôn cần giấy tờ gì? Số tôi 0912 345 678, email lan.nguyen@example.com, CCCD 001203004005");

        String sent = fake.lastBody();
        assertThat(sent).doesNotContain("0912").doesNotContain("345 678").doesNotContain("lan.nguyen")
                .doesNotContain("001203004005").contains("[số điện thoại]").contains("[email]").contains("[số giấy tờ]");
    }

    @Test
    void aServerSlowerThanTheTimeoutGetsTheTemplateWithinTheTimeoutAndAMargin() {
        fake.slow(grounded(), 10_000);
        long start = System.nanoTime();
        Map<String, Object> reply = ask(QUESTION);
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(reply).containsEntry("kind", "answer").containsEntry("composer", "template");
        assertThat(took).isLessThan(TIMEOUT_MS + 2_000);
    }

    @Test
    void anErrorMalformedJsonOrAnEmptyAnswerGetsTheTemplate() {
        fake.fails(FakeModelServer.Mode.ERROR_500);
        assertThat(ask(QUESTION)).containsEntry("composer", "template").containsEntry("kind", "answer");
        fake.fails(FakeModelServer.Mode.MALFORMED);
        assertThat(ask(QUESTION)).containsEntry("composer", "template").containsEntry("kind", "answer");
        fake.answers("");
        assertThat(ask(QUESTION)).containsEntry("composer", "template").containsEntry("kind", "answer");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresSoTheServerIsNotAskedThenClosesAgain() {
        fake.fails(FakeModelServer.Mode.ERROR_500);
        for (int i = 0; i < 3; i++) {
            ask(QUESTION);
        }
        int asked = fake.bodies().size();
        fake.answers(grounded());
        assertThat(ask(QUESTION)).containsEntry("composer", "template");
        assertThat(fake.bodies()).as("not asked while the circuit is open").hasSize(asked);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Object composer = ask(QUESTION).get("composer");
        while (!ChatReply.LLM.equals(composer) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            composer = ask(QUESTION).get("composer");
        }
        assertThat(composer).as("closed again once the server answers").isEqualTo("llm");
    }

    @Test
    void smalltalkAndClarifyAreTheTemplatesAndTheModelIsNotAsked() {
        int asked = fake.bodies().size();
        assertThat(ask("xin chào")).containsEntry("composer", "template").containsEntry("kind", "smalltalk");
        assertThat(fake.bodies()).hasSize(asked);
    }

    @Test
    void staffCountsSayHowEachEntryWasAnsweredAndWhy() {
        fake.answers("Lệ phí là 350.000 đồng.");
        ask(QUESTION);
        ComposerCounts counts = outcomes.since(LocalDate.now().minusDays(1)).get("dang-ky-ket-hon");
        assertThat(counts.byModel()).isPositive();
        assertThat(counts.reasons()).containsKey("number_not_in_entry");
    }
}
