package vn.dvcassistant.app.channel;

import io.micronaut.core.annotation.Nullable;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.Reply;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Something a citizen can ask for in a Telegram or Zalo chat besides a question ("/dangky", "Nhắc tôi"...),
 * answered before the conversation engine. A feature package implements it, so the shared channel code
 * depends on no such feature.
 */
public interface ChatCommand {

    /**
     * One chat: {@code sessionKey} is the stored (hashed) session key; {@code consent} reads whether the
     * citizen has consented, at most when asked (it is a database read).
     */
    record Chat(Channel channel, String sessionKey, boolean fromGroup, BooleanSupplier consent) {
    }

    /** The reply to a typed message that is this command's; empty to let the engine answer it. */
    Optional<List<Reply>> onText(Chat chat, String text);

    /** The reply to a button this command wrote; empty when the data is not its. */
    Optional<List<Reply>> onButton(Chat chat, String data);

    /** Buttons to offer under an answer about {@code topicId} (consent given, private chat); may be empty. */
    List<Button> afterAnswer(Chat chat, @Nullable String topicId);
}
