package vn.dvcassistant.app.channel;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.channel.zalo.ZaloChatWindow;
import vn.dvcassistant.app.channel.zalo.ZaloTemplateSettings;
import vn.dvcassistant.app.i18n.Messages;

/**
 * Told to a Zalo citizen whose comment was just taken (with consent to be answered in the chat): the
 * answer will be on the tracking page, and in the chat only if they wrote within Zalo's window when it
 * comes; otherwise a template message, if the province has one, or the answer when they write again.
 */
@Singleton
final class ZaloCommentNotice {

    private final String text;

    ZaloCommentNotice(ZaloChatWindow window, ZaloTemplateSettings template, Messages messages) {
        this.text = messages.get(template.configured() ? "channel.zalo.comment.windowOrTemplate"
                : "channel.zalo.comment.window", window.length().toHours());
    }

    String text() {
        return text;
    }
}
