package vn.dvcassistant.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.ReplyPart;
import vn.dvcassistant.channel.TextChunker;

/**
 * Reply to Telegram messages in HTML parse mode. Over {@value #MAX_MESSAGE_LENGTH} characters the answer is
 * split at paragraph boundaries; the buttons go under the last message, where the citizen finishes reading.
 */
public final class TelegramRenderer {

    public static final int MAX_MESSAGE_LENGTH = 4096;

    /** As spelled in the Bot API documentation (the library's constant is lower-case). */
    static final String PARSE_MODE = "HTML";

    private final TextChunker chunker = new TextChunker(MAX_MESSAGE_LENGTH);

    public List<SendMessage> render(String chatId, Reply reply) {
        List<String> blocks = new ArrayList<>();
        for (ReplyPart part : reply.parts()) {
            blocks.add(html(part));
        }
        List<String> chunks = chunker.chunk(blocks);
        List<SendMessage> messages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                    .chatId(chatId)
                    .text(chunks.get(i))
                    .parseMode(PARSE_MODE);
            if (last && reply.hasButtons()) {
                builder.replyMarkup(keyboard(reply.buttonRows()));
            }
            messages.add(builder.build());
        }
        return messages;
    }

    /** Telegram's HTML mode needs only these three escaped in text. */
    static String escape(String text) {
        return escape(text, false);
    }

    static String escapeAttribute(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String html(ReplyPart part) {
        if (part instanceof ReplyPart.Paragraph p) {
            return escape(p.text().strip());
        }
        if (part instanceof ReplyPart.NumberedList l) {
            return list(l.title(), l.items(), true);
        }
        if (part instanceof ReplyPart.BulletList l) {
            return list(l.title(), l.items(), false);
        }
        ReplyPart.Link l = (ReplyPart.Link) part;
        return "<a href=\"" + escapeAttribute(l.url()) + "\">" + escape(l.label().strip()) + "</a>";
    }

    private static String list(String title, List<String> items, boolean numbered) {
        StringBuilder out = new StringBuilder();
        if (title != null && !title.isBlank()) {
            out.append("<b>").append(escape(title.strip())).append("</b>\n");
        }
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(numbered ? (i + 1) + ". " : "• ").append(escape(items.get(i).strip()));
        }
        return out.toString();
    }

    private static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
        List<InlineKeyboardRow> keyboard = new ArrayList<>();
        for (List<Button> row : rows) {
            InlineKeyboardRow telegramRow = new InlineKeyboardRow();
            for (Button button : row) {
                telegramRow.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build());
            }
            keyboard.add(telegramRow);
        }
        return new InlineKeyboardMarkup(keyboard);
    }
}
