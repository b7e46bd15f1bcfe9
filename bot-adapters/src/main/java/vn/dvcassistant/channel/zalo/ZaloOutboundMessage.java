package vn.dvcassistant.channel.zalo;

import java.util.List;
import vn.dvcassistant.channel.Button;

/** One message to send on Zalo: plain text, and buttons under it (only on the last message of an answer). */
public record ZaloOutboundMessage(String text, List<Button> buttons) {

    public ZaloOutboundMessage {
        buttons = List.copyOf(buttons);
    }
}
