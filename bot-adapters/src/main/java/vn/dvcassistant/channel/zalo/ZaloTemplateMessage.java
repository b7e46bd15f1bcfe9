package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A pre-approved template message (ZNS, now "ZBS template message"), the only kind Zalo delivers once
 * the window after the citizen's last message has closed. Zalo checks each value against the template's
 * parameter (names and lengths are set when the template is approved).
 *
 * @param templateId   the approved template's id
 * @param templateData parameter name to value, in the template's order
 * @param trackingId   our id for the send, echoed in Zalo's delivery reports
 */
public record ZaloTemplateMessage(String templateId, Map<String, String> templateData, String trackingId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ZaloTemplateMessage {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(trackingId, "trackingId");
        templateData = new LinkedHashMap<>(templateData);
    }

    /**
     * The request body. ZNS's documented form addresses a phone number ({@code "phone"}); a chat only gives
     * us the Zalo user id, so the recipient goes as {@code "recipient": {"user_id": ...}}, as OA v3 messages
     * do (seen in one integration, not confirmed by Zalo's pages).
     */
    public String requestBody(String userId) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.put("template_id", templateId);
        ObjectNode data = body.putObject("template_data");
        templateData.forEach(data::put);
        body.put("tracking_id", trackingId);
        return body.toString();
    }
}
