package vn.dvcassistant.app.api;

/**
 * A request the service refuses because of what the caller sent or asked for, named by a machine code
 * ({@code error.<code>} in the message bundle is its Vietnamese text). Services say why ({@link Reason}),
 * not which HTTP status: {@link RefusalHandler} maps every reason to its status, in one place. One refusal
 * has one code everywhere it can happen.
 */
public class Refusal extends RuntimeException {

    public enum Reason {
        /** Wrong or missing input: HTTP 400. */
        INVALID,
        /** No credentials, or wrong ones, where they are required: 401. */
        UNAUTHORIZED,
        /** Known caller, not allowed: 403. */
        FORBIDDEN,
        /** Nothing with that id or code: 404. */
        NOT_FOUND,
        /** Valid, but clashes with the current state (already done, not waiting for it): 409. */
        CONFLICT,
        /** Too many requests from this caller for now: 429. */
        TOO_MANY,
        /** The service cannot take it now; the same request later will do: 503. */
        BUSY
    }

    private final Reason reason;
    private final String code;

    public Refusal(Reason reason, String code) {
        super(code, null, false, false);
        this.reason = reason;
        this.code = code;
    }

    public static Refusal invalid(String code) {
        return new Refusal(Reason.INVALID, code);
    }

    public static Refusal unauthorized(String code) {
        return new Refusal(Reason.UNAUTHORIZED, code);
    }

    public static Refusal forbidden(String code) {
        return new Refusal(Reason.FORBIDDEN, code);
    }

    public static Refusal notFound(String code) {
        return new Refusal(Reason.NOT_FOUND, code);
    }

    public static Refusal conflict(String code) {
        return new Refusal(Reason.CONFLICT, code);
    }

    public static Refusal busy(String code) {
        return new Refusal(Reason.BUSY, code);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }
}
