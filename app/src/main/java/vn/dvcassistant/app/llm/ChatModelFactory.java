package vn.dvcassistant.app.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Builds the LangChain4j chat model from {@link LlmSettings}; no bean at all when the provider is none. Plain
 * LangChain4j rather than its Micronaut module, which is built on an older LangChain4j.
 */
@Factory
final class ChatModelFactory {

    /** Low: the answer restates the entry, it should not be creative. */
    private static final double TEMPERATURE = 0.1;
    /** About 120 Vietnamese words, or a longer list of steps, with room to spare; the guard checks the length. */
    private static final int MAX_ANSWER_TOKENS = 700;

    @Singleton
    @Requires(property = "dvc.llm.provider", pattern = "(?i)\\s*(openai|ollama)\\s*")
    ChatModel chatModel(LlmSettings settings) {
        return build(settings);
    }

    static ChatModel build(LlmSettings settings) {
        // No retries: a retry would spend the one timeout the citizen waits for; the template is the fallback.
        if (settings.provider().equals("ollama")) {
            return OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl())
                    .modelName(settings.model())
                    .temperature(TEMPERATURE)
                    .numPredict(MAX_ANSWER_TOKENS)
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .build();
        }
        return OpenAiChatModel.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey().isBlank() ? "none" : settings.apiKey())
                .modelName(settings.model())
                .temperature(TEMPERATURE)
                .maxTokens(MAX_ANSWER_TOKENS)
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }
}
