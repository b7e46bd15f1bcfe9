package vn.dvcassistant.channel;

import java.util.List;

/**
 * What happened to an answer we tried to send. Senders never throw for channel errors: a failure is
 * recorded here with its reason, so the app can store it next to the answer.
 *
 * @param delivered     every message of the answer was accepted by the channel
 * @param attempts      HTTP calls made in all, retries included
 * @param failureReason the last error when not delivered (for example "HTTP 400: Bad Request: chat not found")
 * @param messageIds    ids the channel gave to the messages it accepted, in order
 */
public record SendResult(boolean delivered, int attempts, String failureReason, List<String> messageIds) {

    public SendResult {
        messageIds = List.copyOf(messageIds);
    }

    public static SendResult delivered(int attempts, List<String> messageIds) {
        return new SendResult(true, attempts, null, messageIds);
    }

    public static SendResult failed(int attempts, String reason, List<String> messageIdsSoFar) {
        return new SendResult(false, attempts, reason, messageIdsSoFar);
    }
}
