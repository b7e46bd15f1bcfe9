package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What the engine replies to one message and what it changes in the session; built only by the named
 * factories below, one per kind of reply.
 *
 * @param consent            the consent to store with the session ({@link ConversationSession#CONSENT_GIVEN}...), or null
 * @param erase              erase the session's personal data once the exchange is stored
 * @param awaitComment       the session's next message is a comment
 * @param commentCode        the comment this reply confirms or is about, or null
 * @param satisfactionPrompt the offer to rate the procedure answered, or null
 * @param composer           {@link ChatReply#LLM} when a language model wrote the text, {@link ChatReply#TEMPLATE} otherwise
 * @param handoff            the question this reply handed over to staff, or null
 */
record Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
                List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
                @Nullable AnswerParts parts, @Nullable String consent, boolean erase,
                boolean awaitComment, @Nullable String commentCode,
                @Nullable ChatReply.SatisfactionPrompt satisfactionPrompt, String composer,
                @Nullable ChatReply.Handoff handoff) {

    Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
             List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
             @Nullable AnswerParts parts, @Nullable String consent, boolean erase,
             boolean awaitComment, @Nullable String commentCode,
             @Nullable ChatReply.SatisfactionPrompt satisfactionPrompt, String composer) {
        this(kind, text, confidence, topicId, sources, suggestions, parts, consent, erase, awaitComment, commentCode,
                satisfactionPrompt, composer, null);
    }

    private Decision(ReplyKind kind, String text, double confidence, @Nullable String topicId,
                     List<ChatReply.Source> sources, List<ChatReply.Suggestion> suggestions,
                     @Nullable AnswerParts parts, @Nullable String consent, boolean erase,
                     boolean awaitComment, @Nullable String commentCode,
                     @Nullable ChatReply.SatisfactionPrompt satisfactionPrompt) {
        this(kind, text, confidence, topicId, sources, suggestions, parts, consent, erase, awaitComment, commentCode,
                satisfactionPrompt, ChatReply.TEMPLATE);
    }

    /** This answer with the text a language model composed from its entry (and the guard accepted). */
    Decision composedByModel(String modelText) {
        return new Decision(kind, modelText, confidence, topicId, sources, suggestions, parts, consent, erase,
                awaitComment, commentCode, satisfactionPrompt, ChatReply.LLM, handoff);
    }

    /** An answer about {@code source}, with related topics offered and, for a procedure, a rating offer. */
    static Decision answer(String text, double confidence, ChatReply.Source source,
                           List<ChatReply.Suggestion> related, AnswerParts parts,
                           @Nullable ChatReply.SatisfactionPrompt prompt) {
        return new Decision(ReplyKind.ANSWER, text, confidence, source.id(), List.of(source), related, parts, null,
                false, false, null, prompt);
    }

    /** Asks which of {@code choices} was meant. */
    static Decision clarify(String text, double confidence, List<ChatReply.Suggestion> choices) {
        return new Decision(ReplyKind.CLARIFY, text, confidence, null, List.of(), choices, null, null, false, false,
                null, null);
    }

    /** The assistant does not know; {@code suggestions} are popular topics. */
    static Decision fallback(String text, double confidence, List<ChatReply.Suggestion> suggestions) {
        return new Decision(ReplyKind.FALLBACK, text, confidence, null, List.of(), suggestions, null, null, false,
                false, null, null);
    }

    /** A small-talk reply with nothing offered. */
    static Decision smalltalk(String text) {
        return menu(text, List.of());
    }

    /** A small-talk reply offering {@code suggestions} (greeting, thanks, help). */
    static Decision menu(String text, List<ChatReply.Suggestion> suggestions) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), suggestions, null, null, false, false,
                null, null);
    }

    /** Records {@code consent} with the session. */
    static Decision consent(String text, List<ChatReply.Suggestion> suggestions, String consent) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), suggestions, null, consent, false, false,
                null, null);
    }

    /** Erases the session's personal data after this exchange is stored. */
    static Decision erasing(String text) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), List.of(), null, null, true, false,
                null, null);
    }

    /** Asks for a comment: the next message is taken as one. */
    static Decision awaitingComment(String text) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), List.of(), null, null, false, true,
                null, null);
    }

    /** The unanswered question was handed over to staff as {@code handoff} (its code is also the comment code). */
    static Decision handedOver(String text, ChatReply.Handoff handoff) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), List.of(), null, null, false, false,
                handoff.code(), null, ChatReply.TEMPLATE, handoff);
    }

    /** A reply about comment {@code commentCode} (received, or information added), or null when none is named. */
    static Decision aboutComment(String text, @Nullable String commentCode) {
        return new Decision(ReplyKind.SMALLTALK, text, 1.0, null, List.of(), List.of(), null, null, false, false,
                commentCode, null);
    }
}
