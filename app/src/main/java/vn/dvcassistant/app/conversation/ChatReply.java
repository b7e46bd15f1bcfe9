package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * The assistant's reply.
 *
 * @param kind       answer, clarify, fallback or smalltalk
 * @param answer     the whole reply as plain text (notice and consent question included when asked)
 * @param sources    for an answer, {@code sources[0]} is the topic it is about
 * @param parts      the answer's structure (kind answer only), null otherwise
 * @param notice     the automated-assistant notice (Law 134/2025/QH15 Art. 11), on a session's first reply
 * @param askConsent true when the reply asks for consent to store personal data; clients show
 *                   "đồng ý" / "không đồng ý" buttons
 * @param commentCode the tracking code of a comment this reply confirms, or null
 * @param satisfactionPrompt on the first answer about a procedure (not field dvc-chung) in a session: an
 *                   offer to rate it through {@code POST /api/v1/satisfaction}; clients first ask whether the
 *                   citizen did the procedure ("Tôi đã làm thủ tục này" / "Chưa làm"), then the level, then
 *                   where it was done; null otherwise
 * @param composer   who wrote {@code answer}: "llm" when a language model composed it from the entry and the guard
 *                   accepted it, "template" otherwise (always, when no model is configured)
 * @param handoff    when this reply handed the unanswered question over to staff: its tracking code (also in
 *                   {@code commentCode}) and the absolute address of its tracking page; null otherwise
 */
@Serdeable
@Schema(description = "The assistant's reply")
public record ChatReply(
        UUID messageId,
        @Schema(allowableValues = {"answer", "clarify", "fallback", "smalltalk"}) String kind,
        String answer,
        double confidence,
        List<Source> sources,
        List<Suggestion> suggestions,
        @Nullable AnswerParts parts,
        @Nullable String notice,
        boolean askConsent,
        @Nullable String commentCode,
        @Nullable SatisfactionPrompt satisfactionPrompt,
        @Schema(allowableValues = {"llm", "template"}) String composer,
        @Nullable Handoff handoff) {

    /** Compatibility for replies that hand nothing over. */
    public ChatReply(UUID messageId, String kind, String answer, double confidence, List<Source> sources,
                     List<Suggestion> suggestions, @Nullable AnswerParts parts, @Nullable String notice,
                     boolean askConsent, @Nullable String commentCode, @Nullable SatisfactionPrompt satisfactionPrompt,
                     String composer) {
        this(messageId, kind, answer, confidence, sources, suggestions, parts, notice, askConsent, commentCode,
                satisfactionPrompt, composer, null);
    }

    /** Compatibility for replies that confirm no comment and offer no rating. */
    public ChatReply(UUID messageId, String kind, String answer, double confidence, List<Source> sources,
                     List<Suggestion> suggestions, @Nullable AnswerParts parts, @Nullable String notice,
                     boolean askConsent) {
        this(messageId, kind, answer, confidence, sources, suggestions, parts, notice, askConsent, null, null);
    }

    /** Compatibility for replies composed from the templates. */
    public ChatReply(UUID messageId, String kind, String answer, double confidence, List<Source> sources,
                     List<Suggestion> suggestions, @Nullable AnswerParts parts, @Nullable String notice,
                     boolean askConsent, @Nullable String commentCode, @Nullable SatisfactionPrompt satisfactionPrompt) {
        this(messageId, kind, answer, confidence, sources, suggestions, parts, notice, askConsent, commentCode,
                satisfactionPrompt, TEMPLATE);
    }

    public static final String TEMPLATE = "template";
    public static final String LLM = "llm";

    /**
     * @param topicId  the procedure to rate
     * @param levels   the official level codes, best first: rat_hai_long, hai_long, khong_hai_long
     * @param agencies where it may have been done, the most likely first (clients add "Không nhớ")
     */
    @Serdeable
    public record SatisfactionPrompt(String topicId, List<String> levels, List<AgencyChoice> agencies) {
    }

    /** A question handed over to staff: {@code GET /api/v1/comments/{code}} follows it ({@code kind} question). */
    @Serdeable
    public record Handoff(String code, String trackingUrl) {
    }

    /**
     * @param code        the agency the rating names, or null when the citizen names their commune next
     * @param communeKind with a null code: the kind of commune body to look up ({@code GET /api/v1/communes})
     */
    @Serdeable
    public record AgencyChoice(@Nullable String code, String name, @Nullable String communeKind) {
    }

    @Serdeable
    public record Source(String id, String title, String url, String field) {
    }

    @Serdeable
    public record Suggestion(String id, String title) {
    }
}
