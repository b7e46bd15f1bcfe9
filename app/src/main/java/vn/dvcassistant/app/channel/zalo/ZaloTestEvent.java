package vn.dvcassistant.app.channel.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The check Zalo's developer console reportedly makes when an OA owner saves the webhook address: an
 * unsigned POST of {@code {}} that must get a 200 before the address is accepted. It carries no event,
 * so answering it processes nothing; every real event still needs a valid signature.
 */
final class ZaloTestEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZaloTestEvent() {
    }

    /** An empty body or an empty JSON object (any spacing). */
    static boolean isTestEvent(byte[] body) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return true;
        }
        if (body.length > 64) {
            return false;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
