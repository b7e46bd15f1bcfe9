package vn.dvcassistant.app.comments;

/**
 * The chat a message came from, as comments store it in {@code reply_to}: the channel code
 * (telegram | zalo) and the chat id the answer goes to (a group's id for a group chat).
 */
public record ReplyAddress(String channel, String chatId) {
}
