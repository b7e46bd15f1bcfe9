package vn.dvcassistant.channel.zalo;

import java.util.Map;
import java.util.Set;

/**
 * What Zalo's error codes (in the {@code error} field of a 200 answer) mean for a message. Zalo reports
 * its rate limit as -32 (and a transient failure as -100) in a 200 body rather than with HTTP 429, so
 * those are retried; a rejected access token is refreshed; everything else is final for that message.
 */
public final class ZaloErrors {

    /** Access token expired or invalid (-216, -220) or reported as such by some endpoints (-124). */
    static final Set<Integer> TOKEN_REJECTED = Set.of(-216, -220, -124);
    /** Rate limit (-32) and Zalo's transient failure (-100): try again after a pause. */
    static final Set<Integer> RETRYABLE = Set.of(-32, -100);
    /** The consultation window after the citizen's last message is closed (or never opened). */
    static final Set<Integer> WINDOW_CLOSED = Set.of(-230, -232);

    /** Readable meanings, for the recorded reason; codes not listed here are recorded with Zalo's message only. */
    private static final Map<Integer, String> MEANINGS = Map.of(
            -32, "rate limit",
            -100, "temporary failure",
            -213, "the citizen does not follow the OA",
            -230, "outside the window after the citizen's last message",
            -232, "outside the window after the citizen's last message",
            -234, "messages may not be sent at night");

    private ZaloErrors() {
    }

    public static boolean windowClosed(Integer code) {
        return code != null && WINDOW_CLOSED.contains(code);
    }

    static String reason(int code, String zaloMessage) {
        String meaning = MEANINGS.get(code);
        String message = zaloMessage == null || zaloMessage.isBlank() ? "" : ": " + zaloMessage;
        if (RETRYABLE.contains(code) || TOKEN_REJECTED.contains(code)) {
            return "Zalo error " + code + message + (meaning == null ? "" : " (" + meaning + ")");
        }
        return "Zalo error " + code + message + " (" + (meaning == null ? "" : meaning + "; ")
                + "permanent for this message)";
    }
}
