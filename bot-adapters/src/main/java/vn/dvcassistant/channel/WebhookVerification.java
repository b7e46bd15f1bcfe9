package vn.dvcassistant.channel;

/**
 * Outcome of checking a webhook's secret or signature. MISSING and INVALID are told apart so the logs show
 * a misconfigured channel (no header at all) apart from a forged or stale request.
 */
public enum WebhookVerification {
    VALID,
    MISSING,
    INVALID;

    public boolean isValid() {
        return this == VALID;
    }
}
