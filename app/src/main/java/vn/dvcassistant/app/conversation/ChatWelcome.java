package vn.dvcassistant.app.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the chat page shows before the citizen has written anything, so that nothing is sent on their behalf:
 * the automated-assistant notice and the consent question first, then the greeting with the most asked topics.
 *
 * @param consentGiven   shown when the citizen presses "Đồng ý"
 * @param consentRefused shown when the citizen presses "Không đồng ý"
 * @param topic          the topic a printed guide's QR code opened ({@code /?chu-de=}), or null
 */
@Serdeable
public record ChatWelcome(String notice, String consentQuestion, String consentGiven, String consentRefused,
                          String greeting, List<ChatReply.Suggestion> suggestions,
                          @Nullable ChatReply.Suggestion topic) {
}
