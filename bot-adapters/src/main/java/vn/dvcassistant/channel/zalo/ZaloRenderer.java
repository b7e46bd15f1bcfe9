package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import vn.dvcassistant.channel.Button;
import vn.dvcassistant.channel.PlainTextBlocks;
import vn.dvcassistant.channel.Reply;
import vn.dvcassistant.channel.TextChunker;

/**
 * Reply to Zalo OA consultation messages (v3.0/oa/message/cs). Zalo shows no markup, so lists are numbered
 * or bulleted text and links are "label: url". Text over {@value #MAX_TEXT_LENGTH} characters is split at
 * paragraph boundaries. Buttons are "oa.query.hide" buttons: a press sends their payload back as a hidden
 * user_send_text, which {@link ZaloInboundConverter} turns into a BUTTON event.
 */
public final class ZaloRenderer {

    public static final int MAX_TEXT_LENGTH = 2000;
    /** Marks a user_send_text that is a button press, not typed text. */
    public static final String BUTTON_PREFIX = "#dvc:";
    /**
     * Longest button title we send. The public implementations the adapter was compared with allow 100
     * characters; an earlier limit of 20, from one integration's validation, cut our own labels.
     */
    static final int MAX_BUTTON_TITLE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextChunker chunker = new TextChunker(MAX_TEXT_LENGTH);

    public List<ZaloOutboundMessage> render(Reply reply) {
        List<String> chunks = chunker.chunk(PlainTextBlocks.of(reply));
        List<ZaloOutboundMessage> messages = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            boolean last = i == chunks.size() - 1;
            messages.add(new ZaloOutboundMessage(chunks.get(i), last ? reply.buttons() : List.of()));
        }
        return messages;
    }

    /** The request body of POST /v3.0/oa/message/cs for one message. */
    public String requestBody(String userId, ZaloOutboundMessage message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode content = body.putObject("message");
        content.put("text", message.text());
        if (!message.buttons().isEmpty()) {
            ObjectNode attachment = content.putObject("attachment");
            attachment.put("type", "template");
            ArrayNode buttons = attachment.putObject("payload").putArray("buttons");
            for (Button button : message.buttons()) {
                buttons.addObject()
                        .put("title", title(button.label()))
                        .put("type", "oa.query.hide")
                        .put("payload", BUTTON_PREFIX + button.data());
            }
        }
        return body.toString();
    }

    private static String title(String label) {
        String stripped = label.strip();
        if (stripped.codePointCount(0, stripped.length()) <= MAX_BUTTON_TITLE) {
            return stripped;
        }
        int end = stripped.offsetByCodePoints(0, MAX_BUTTON_TITLE - 1);
        return stripped.substring(0, end).strip() + "…";
    }
}
