package vn.dvcassistant.app.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.ProvinceClock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call to the model with everything that keeps a slow or failing model server from slowing every reply:
 * the timeout for the whole answer, at most {@code maxConcurrency} calls at once (a message beyond is told
 * {@link GuardReason#BUSY} at once), the daily token budget and the circuit breaker.
 */
@Singleton
public class ModelCalls {

    private final ChatModel model;
    private final LlmSettings settings;
    private final CircuitBreaker breaker;
    private final TokenBudget budget;
    private final Semaphore slots;
    private final ExecutorService calls;

    ModelCalls(@Nullable ChatModel model, LlmSettings settings, ProvinceClock clock) {
        this.model = settings.enabled() ? model : null;
        this.settings = settings;
        this.breaker = new CircuitBreaker(settings.circuitFailures(), settings.circuitOpen(), System::nanoTime);
        this.budget = new TokenBudget(settings.dailyTokenBudget(), clock::today);
        this.slots = new Semaphore(settings.maxConcurrency());
        AtomicInteger count = new AtomicInteger();
        this.calls = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "llm-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** False when no provider is configured: then nobody should build a prompt at all. */
    public boolean enabled() {
        return model != null;
    }

    CircuitBreaker.State circuit() {
        return breaker.state();
    }

    public ModelReply ask(List<ChatMessage> messages) {
        if (model == null) {
            throw new IllegalStateException("no language model is configured");
        }
        if (!budget.hasRoom()) {
            return ModelReply.refused(GuardReason.BUDGET_SPENT);
        }
        if (!slots.tryAcquire()) {
            return ModelReply.refused(GuardReason.BUSY);
        }
        if (!breaker.allow()) {
            slots.release();
            return ModelReply.refused(GuardReason.CIRCUIT_OPEN);
        }
        long start = System.nanoTime();
        Future<ChatResponse> call;
        try {
            call = calls.submit(() -> {
                try {
                    return model.chat(ChatRequest.builder().messages(messages).build());
                } finally {
                    // Held until the call really ends, so a hung server cannot get more than maxConcurrency calls.
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            breaker.failed();
            return new ModelReply(null, GuardReason.MODEL_ERROR, Duration.ofNanos(System.nanoTime() - start));
        }
        try {
            ChatResponse response = call.get(settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String text = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
            budget.spend(tokens(response, messages, text));
            if (text == null || text.isBlank()) {
                breaker.failed();
                return new ModelReply(null, GuardReason.EMPTY, took);
            }
            breaker.succeeded();
            return new ModelReply(text, null, took);
        } catch (TimeoutException e) {
            call.cancel(true);
            breaker.failed();
            return new ModelReply(null, GuardReason.TIMEOUT, Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            breaker.failed();
            return new ModelReply(null, GuardReason.MODEL_ERROR, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new ModelReply(null, GuardReason.TIMEOUT, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The server's count when it gives one; otherwise about one token per three characters. */
    private static long tokens(@Nullable ChatResponse response, List<ChatMessage> messages, @Nullable String text) {
        TokenUsage usage = response == null ? null : response.tokenUsage();
        if (usage != null && usage.totalTokenCount() != null) {
            return usage.totalTokenCount();
        }
        long chars = messages.stream().mapToLong(m -> m.toString().length()).sum() + (text == null ? 0 : text.length());
        return chars / 3;
    }

    long tokensSpentToday() {
        return budget.spentToday();
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }
}
