package vn.dvcassistant.channel.web;

import vn.dvcassistant.channel.PlainTextBlocks;
import vn.dvcassistant.channel.Reply;

/**
 * The reply as plain text for the web chat API's {@code answer} field. Buttons are left out: the web page
 * draws them (and the lists' structure) from the API's other fields.
 */
public final class WebRenderer {

    public String render(Reply reply) {
        return String.join("\n\n", PlainTextBlocks.of(reply));
    }
}
