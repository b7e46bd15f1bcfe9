package vn.dvcassistant.channel;

/** The webhook body is not the JSON the channel documents; the controller answers 400. */
public class MalformedPayloadException extends RuntimeException {

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedPayloadException(String message) {
        super(message);
    }
}
