package vn.dvcassistant.app.conversation;

import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.app.api.Refusal;

/** The chat request's rules, each with its own error code. */
final class ChatRequestValidator {

    static final int MAX_SESSION_ID = 64;
    static final int MAX_TEXT = 2000;

    private ChatRequestValidator() {
    }

    static Channel validate(ChatRequest request) {
        if (request.sessionId() == null || request.sessionId().isBlank()) {
            throw invalid("missing_session");
        }
        if (request.sessionId().length() > MAX_SESSION_ID || hasControlCharacters(request.sessionId(), false)) {
            throw invalid("invalid_session");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw invalid("missing_text");
        }
        if (request.text().codePointCount(0, request.text().length()) > MAX_TEXT) {
            throw invalid("text_too_long");
        }
        if (hasControlCharacters(request.text(), true)) {
            throw invalid("control_characters");
        }
        if (request.topicId() != null && (request.topicId().length() > 100 || hasControlCharacters(request.topicId(), false))) {
            throw invalid("unknown_topic");
        }
        return channel(request.channel());
    }

    static Channel channel(String code) {
        if (code == null) {
            return Channel.WEB;
        }
        return Channel.chatFromCode(code).orElseThrow(() -> invalid("unknown_channel"));
    }

    static void validateSessionId(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw invalid("missing_session");
        }
        if (sessionId.length() > MAX_SESSION_ID || hasControlCharacters(sessionId, false)) {
            throw invalid("invalid_session");
        }
    }

    /** C0 controls are refused; tab, line feed and carriage return (CRLF line ends) are allowed in text. */
    private static boolean hasControlCharacters(String value, boolean allowLineBreaks) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && !(allowLineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                return true;
            }
        }
        return false;
    }

    private static Refusal invalid(String code) {
        return Refusal.invalid(code);
    }
}
