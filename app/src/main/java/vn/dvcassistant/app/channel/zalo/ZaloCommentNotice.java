package vn.dvcassistant.app.channel.zalo;

import vn.dvcassistant.app.channel.CommentTakenNotice;
import vn.dvcassistant.channel.Channel;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

/**
 * Told to a Zalo citizen whose comment was just taken (with consent to be answered in the chat): the
 * answer will be on the tracking page, and in the chat only if they wrote within Zalo's window when it
 * comes; otherwise a template message, if the province has one, or the answer when they write again.
 */
@Singleton
final class ZaloCommentNotice implements CommentTakenNotice {

    private final String text;

    ZaloCommentNotice(ZaloChatWindow window, ZaloTemplateSettings template, Messages messages) {
        this.text = messages.get(template.configured() ? "channel.zalo.comment.windowOrTemplate"
                : "channel.zalo.comment.window", window.length().toHours());
    }

    @Override
    public Channel channel() {
        return Channel.ZALO;
    }

    @Override
    public String text() {
        return text;
    }
}
