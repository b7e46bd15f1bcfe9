package vn.dvcassistant.app.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.Locale;

/**
 * The optional language model that composes answers from the chosen entry. Off ({@code none}) by default:
 * then no model is built and every answer is the template's.
 *
 * @param provider         none, openai (any OpenAI-compatible server: vLLM, llama.cpp server, Ollama's /v1) or
 *                         ollama (Ollama's own /api/chat)
 * @param baseUrl          openai: up to and including /v1 (http://host:8000/v1); ollama: http://host:11434
 * @param model            the model name the server knows
 * @param apiKey           sent as a bearer token (openai only); a local server usually ignores it
 * @param timeout          for the whole answer: past it the template is sent
 * @param maxConcurrency   answers composed at once; a message beyond gets the template at once
 * @param dailyTokenBudget tokens (prompt and answer) per day in the province's time zone; 0 for no limit
 * @param circuitFailures  failures in a row (timeout, error, empty) after which the model is not asked...
 * @param circuitOpen      ...for this long; then one message tries it again
 */
@ConfigurationProperties("dvc.llm")
public record LlmSettings(
        @Bindable(defaultValue = "none") String provider,
        @Bindable(defaultValue = "") String baseUrl,
        @Bindable(defaultValue = "") String model,
        @Bindable(defaultValue = "") String apiKey,
        @Bindable(defaultValue = "8s") Duration timeout,
        @Bindable(defaultValue = "4") int maxConcurrency,
        @Bindable(defaultValue = "1000000") long dailyTokenBudget,
        @Bindable(defaultValue = "5") int circuitFailures,
        @Bindable(defaultValue = "30s") Duration circuitOpen) {

    public LlmSettings {
        provider = provider == null ? "none" : provider.strip().toLowerCase(Locale.ROOT);
        if (!provider.equals("none") && !provider.equals("openai") && !provider.equals("ollama")) {
            throw new IllegalArgumentException("DVC_LLM_PROVIDER must be none, openai or ollama, not " + provider);
        }
        if (!provider.equals("none") && (baseUrl == null || baseUrl.isBlank() || model == null || model.isBlank())) {
            throw new IllegalArgumentException("DVC_LLM_PROVIDER=" + provider + " needs DVC_LLM_BASE_URL and DVC_LLM_MODEL");
        }
        if (maxConcurrency < 1 || circuitFailures < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("DVC_LLM_MAX_CONCURRENCY, DVC_LLM_CIRCUIT_FAILURES and DVC_LLM_TIMEOUT must be positive");
        }
    }

    public boolean enabled() {
        return !provider.equals("none");
    }
}
