package vn.dvcassistant.app.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.dvcassistant.app.province.ProvinceClock;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** LangChain4j's real OpenAI-compatible and Ollama clients against a fake server speaking their wire formats. */
class ModelCallsTest {

    /** For calls meant to succeed: the first call loads the client's classes, slow on a busy machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final List<ChatMessage> PROMPT = List.of(SystemMessage.from("Quy tắc"), UserMessage.from("Câu hỏi"));

    private final FakeModelServer fake = newFake();
    private ModelCalls calls;

    private static FakeModelServer newFake() {
        try {
            return new FakeModelServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ModelCalls calls(String provider, Duration timeout, int concurrency, long budget, Duration open) {
        String base = provider.equals("openai") ? "http://127.0.0.1:" + fake.port() + "/v1" : "http://127.0.0.1:" + fake.port();
        LlmSettings settings = new LlmSettings(provider, base, "fake-model", "", timeout, concurrency, budget, 3, open);
        calls = new ModelCalls(ChatModelFactory.build(settings), settings, new ProvinceClock(ZoneId.of("Asia/Ho_Chi_Minh")));
        return calls;
    }

    private ModelCalls openAi() {
        return calls("openai", GENEROUS, 4, 0, Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        fake.close();
        if (calls != null) {
            calls.stop();
        }
    }

    @Test
    void openAiCompatibleAnswerIsChoicesZeroMessageContent() {
        fake.answers("Bạn nộp hồ sơ tại UBND cấp xã.");
        ModelReply reply = openAi().ask(PROMPT);
        assertThat(reply.failure()).isNull();
        assertThat(reply.text()).isEqualTo("Bạn nộp hồ sơ tại UBND cấp xã.");
        assertThat(fake.paths()).containsExactly("POST /v1/chat/completions");
        assertThat(fake.lastBody()).contains("\"model\"").contains("fake-model").contains("\"messages\"")
                .contains("\"role\"").contains("Câu hỏi").doesNotContain("\"tools\"").doesNotContain("response_format");
        assertThat(calls.tokensSpentToday()).isEqualTo(960);
    }

    @Test
    void ollamaAnswerIsMessageContentOfApiChat() {
        fake.answers("Bạn nộp hồ sơ tại UBND cấp xã.");
        ModelCalls ollama = calls("ollama", GENEROUS, 4, 0, Duration.ofMillis(500));
        ModelReply reply = ollama.ask(PROMPT);
        assertThat(reply.failure()).isNull();
        assertThat(reply.text()).isEqualTo("Bạn nộp hồ sơ tại UBND cấp xã.");
        assertThat(fake.paths()).containsExactly("POST /api/chat");
        assertThat(fake.lastBody()).contains("fake-model").contains("\"messages\"").contains("Câu hỏi");
    }

    @Test
    void aServerSlowerThanTheTimeoutIsGivenUpOnWithinTheTimeout() {
        fake.slow("Bạn nộp hồ sơ tại UBND cấp xã.", 5_000);
        ModelCalls slow = calls("openai", Duration.ofMillis(700), 4, 0, Duration.ofMillis(500));
        long start = System.nanoTime();
        ModelReply reply = slow.ask(PROMPT);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(reply.failure()).isEqualTo(GuardReason.TIMEOUT);
        assertThat(tookMillis).isBetween(650L, 700L + 1_500L);
    }

    @Test
    void errorsMalformedJsonAndEmptyAnswersAreFailures() {
        ModelCalls c = openAi();
        fake.fails(FakeModelServer.Mode.ERROR_500);
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.MODEL_ERROR);
        fake.fails(FakeModelServer.Mode.MALFORMED);
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.MODEL_ERROR);
        fake.answers("   ");
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.EMPTY);
        ModelCalls ollama = calls("ollama", GENEROUS, 4, 0, Duration.ofMillis(500));
        fake.fails(FakeModelServer.Mode.ERROR_500);
        assertThat(ollama.ask(PROMPT).failure()).isEqualTo(GuardReason.MODEL_ERROR);
        fake.fails(FakeModelServer.Mode.MALFORMED);
        assertThat(ollama.ask(PROMPT).failure()).isEqualTo(GuardReason.MODEL_ERROR);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndClosesAgain() throws Exception {
        ModelCalls c = openAi();
        fake.fails(FakeModelServer.Mode.ERROR_500);
        for (int i = 0; i < 3; i++) {
            assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.MODEL_ERROR);
        }
        fake.answers("Bạn nộp hồ sơ tại UBND cấp xã.");
        int asked = fake.bodies().size();
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.CIRCUIT_OPEN);
        assertThat(fake.bodies()).hasSize(asked); // the server was not asked at all
        assertThat(c.circuit()).isEqualTo(CircuitBreaker.State.OPEN);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        ModelReply reply = c.ask(PROMPT);
        while (reply.failure() == GuardReason.CIRCUIT_OPEN && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            reply = c.ask(PROMPT);
        }
        assertThat(reply.failure()).isNull();
        assertThat(c.circuit()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void beyondTheConcurrencyLimitAMessageIsToldBusyAtOnce() throws Exception {
        fake.slow("Bạn nộp hồ sơ tại UBND cấp xã.", 1_500);
        ModelCalls c = calls("openai", GENEROUS, 1, 0, Duration.ofMillis(500));
        CountDownLatch started = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            started.countDown();
            c.ask(PROMPT);
        });
        first.start();
        started.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (fake.bodies().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.BUSY);
        first.join();
    }

    @Test
    void whenTodaysBudgetIsSpentTheModelIsNotAsked() {
        fake.answers("Bạn nộp hồ sơ tại UBND cấp xã.");
        ModelCalls c = calls("openai", GENEROUS, 4, 500, Duration.ofMillis(500));
        assertThat(c.ask(PROMPT).failure()).isNull(); // 960 tokens: the budget of 500 is spent
        assertThat(c.ask(PROMPT).failure()).isEqualTo(GuardReason.BUDGET_SPENT);
        assertThat(fake.bodies()).hasSize(1);
    }
}
