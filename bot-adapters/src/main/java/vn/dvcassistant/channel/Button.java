package vn.dvcassistant.channel;

import java.nio.charset.StandardCharsets;

/**
 * A button under an answer. Pressing it comes back as an {@link InboundType#BUTTON} event carrying {@code data}.
 *
 * @param label what the citizen reads (keep it short: phones show about 20 characters on a line; Zalo takes 100)
 * @param data  what comes back; at most {@value #MAX_DATA_BYTES} bytes of UTF-8 (Telegram's callback_data limit)
 */
public record Button(String label, String data) {

    public static final int MAX_DATA_BYTES = 64;

    public Button {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("button label must not be blank");
        }
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("button data must not be empty");
        }
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DATA_BYTES) {
            throw new IllegalArgumentException(
                    "button data is " + bytes + " bytes, Telegram accepts at most " + MAX_DATA_BYTES + ": " + data);
        }
    }
}
