package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.conversation.ChatReply;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.telegram.TelegramRenderer;
import vn.dvcassistant.channel.zalo.ZaloOutboundMessage;
import vn.dvcassistant.channel.zalo.ZaloRenderer;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * A reply as a Telegram or Zalo user reads it, for the editors' preview: rendered by the same code that
 * sends it (messages split where they would be, buttons as their labels in brackets), Telegram's HTML
 * shown as the text it displays.
 */
@Singleton
public final class ChannelPreview {

    private final ChannelReplies replies;
    private final TelegramRenderer telegram = new TelegramRenderer();
    private final ZaloRenderer zalo = new ZaloRenderer();

    ChannelPreview(ChannelReplies replies) {
        this.replies = replies;
    }

    /** One text per message sent on Telegram. */
    public List<String> telegram(ChatReply reply) {
        List<String> out = new ArrayList<>();
        for (Reply message : replies.render(reply, false)) {
            List<SendMessage> sent = telegram.render("preview", message);
            for (int i = 0; i < sent.size(); i++) {
                String text = displayed(sent.get(i).getText());
                out.add(i == sent.size() - 1 ? text + buttons(message.buttons()) : text);
            }
        }
        return out;
    }

    /** One text per message sent on Zalo. */
    public List<String> zalo(ChatReply reply) {
        List<String> out = new ArrayList<>();
        for (Reply message : replies.render(reply, false)) {
            for (ZaloOutboundMessage sent : zalo.render(message)) {
                out.add(sent.text() + buttons(sent.buttons()));
            }
        }
        return out;
    }

    private static String buttons(List<Button> buttons) {
        StringBuilder out = new StringBuilder();
        for (Button b : buttons) {
            out.append(out.length() == 0 ? "\n\n" : " ").append('[').append(b.label()).append(']');
        }
        return out.toString();
    }

    /** Telegram's HTML as the text it shows: tags dropped, the three escaped characters back. */
    private static String displayed(String html) {
        return html.replaceAll("<a href=\"([^\"]*)\">([^<]*)</a>", "$2 ($1)").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
