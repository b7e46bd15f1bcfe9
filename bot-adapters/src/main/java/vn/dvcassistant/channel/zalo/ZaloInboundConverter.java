package vn.dvcassistant.channel.zalo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.dvcassistant.channel.Channel;
import vn.dvcassistant.channel.InboundEvent;
import vn.dvcassistant.channel.InboundType;
import vn.dvcassistant.channel.MalformedPayloadException;

/**
 * Zalo OA webhook event to a channel-neutral event. A press on one of our buttons comes back as
 * user_send_text whose text is the button's payload, so it is recognised by {@link ZaloRenderer#BUTTON_PREFIX}.
 * The OA's own messages (oa_send_*), delivery and seen receipts and anything unknown are IGNORED.
 */
public final class ZaloInboundConverter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Messages a citizen can send that we cannot read; they get a hint to type the question instead. */
    private static final Set<String> UNSUPPORTED = Set.of(
            "user_send_image", "user_send_gif", "user_send_sticker", "user_send_audio", "user_send_video",
            "user_send_file", "user_send_location", "user_send_business_card");

    /**
     * When Zalo sent the event: its {@code timestamp}, milliseconds since the epoch (a string or a number).
     * The signature covers it, so a captured event cannot be given a new time; empty when absent or unreadable.
     */
    public static Optional<Instant> timestamp(byte[] rawJson) {
        try {
            JsonNode event = JSON.readTree(rawJson);
            JsonNode timestamp = event == null ? null : event.get("timestamp");
            if (timestamp == null || timestamp.isNull()) {
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(timestamp.asText().strip())));
        } catch (IOException | NumberFormatException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    public InboundEvent convert(String rawJson) {
        JsonNode event;
        try {
            event = JSON.readTree(rawJson);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("not a Zalo event: " + e.getOriginalMessage(), e);
        }
        if (event == null || !event.isObject() || !event.hasNonNull("event_name")) {
            throw new MalformedPayloadException("Zalo event without event_name");
        }
        String name = event.get("event_name").asText();
        String msgId = event.path("message").path("msg_id").asText(null);
        String senderId = event.path("sender").path("id").asText(null);

        if ("user_send_link".equals(name)) {
            // Zalo sends a message with a link in it as a link event; the text around the link is the question.
            requireSender(name, senderId, msgId);
            String text = event.path("message").path("text").asText("").strip();
            return text.isEmpty()
                    ? new InboundEvent(Channel.ZALO, msgId, senderId, senderId, InboundType.UNSUPPORTED, null, null,
                    null, false, true)
                    : InboundEvent.text(Channel.ZALO, msgId, senderId, senderId, text);
        }
        if ("user_send_text".equals(name)) {
            requireSender(name, senderId, msgId);
            String text = event.path("message").path("text").asText("");
            if (text.startsWith(ZaloRenderer.BUTTON_PREFIX)) {
                return new InboundEvent(Channel.ZALO, msgId, senderId, senderId, InboundType.BUTTON,
                        null, text.substring(ZaloRenderer.BUTTON_PREFIX.length()), null, false, true);
            }
            return InboundEvent.text(Channel.ZALO, msgId, senderId, senderId, text.strip());
        }
        if (UNSUPPORTED.contains(name)) {
            requireSender(name, senderId, msgId);
            String caption = event.path("message").path("text").asText(null);
            return new InboundEvent(Channel.ZALO, msgId, senderId, senderId, InboundType.UNSUPPORTED,
                    caption, null, null, false, true);
        }
        if ("follow".equals(name) || "unfollow".equals(name)) {
            String follower = event.path("follower").path("id").asText(senderId);
            if (follower == null) {
                throw new MalformedPayloadException("Zalo " + name + " event without follower id");
            }
            String deliveryId = name + ":" + follower + ":" + event.path("timestamp").asText();
            InboundType type = "follow".equals(name) ? InboundType.FOLLOW : InboundType.UNFOLLOW;
            return InboundEvent.of(Channel.ZALO, deliveryId, follower, follower, type);
        }
        String deliveryId = msgId != null ? name + ":" + msgId : name + ":" + event.path("timestamp").asText();
        return InboundEvent.ignored(Channel.ZALO, deliveryId);
    }

    private static void requireSender(String name, String senderId, String msgId) {
        if (senderId == null || msgId == null) {
            throw new MalformedPayloadException("Zalo " + name + " event without sender.id or message.msg_id");
        }
    }
}
