package vn.dvcassistant.app.comments;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.kb.Field;

/**
 * A question the assistant could not answer, handed over to staff from a chat ("chuyển câu hỏi").
 *
 * @param text      the question as the citizen asked it (masked before it is stored)
 * @param hint      the field of the chat's previous topic, used only when the text matches nothing
 * @param consent   the citizen agreed to have the chat's address kept, so the answer can be sent back there
 * @param replyTo   the chat user id to send the answer to (Telegram, Zalo, with consent), or null
 * @param commune   the citizen's commune (a People's Committee's code) when the chat knows it, or null
 */
public record HandoffSubmission(String text, Channel channel, @Nullable Field hint, boolean consent,
                                @Nullable String replyTo, @Nullable String commune) {

    public HandoffSubmission(String text, Channel channel, @Nullable Field hint, boolean consent,
                             @Nullable String replyTo) {
        this(text, channel, hint, consent, replyTo, null);
    }
}
