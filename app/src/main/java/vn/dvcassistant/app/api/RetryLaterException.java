package vn.dvcassistant.app.api;

/** 409 with Retry-After: the same request is being handled right now; its answer will be there shortly. */
public final class RetryLaterException extends Refusal {

    private final long retryAfterSeconds;

    public RetryLaterException(String code, long retryAfterSeconds) {
        super(Reason.CONFLICT, code);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
