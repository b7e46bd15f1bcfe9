package vn.dvcassistant.app.api;


public final class RateLimitedException extends Refusal {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(Reason.TOO_MANY, "rate_limited");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
