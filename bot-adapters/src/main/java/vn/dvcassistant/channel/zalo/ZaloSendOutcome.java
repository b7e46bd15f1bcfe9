package vn.dvcassistant.channel.zalo;

import vn.dvcassistant.channel.SendResult;

/**
 * A Zalo send and, when it failed on an error Zalo reported, that error's code: the comment-answer outbox
 * needs to tell "outside the window" (-230/-232) from a message that cannot be delivered at all.
 *
 * @param zaloError the error of the failing call; null when delivered or when the failure was not a Zalo
 *                  error (network, HTTP status, refused refresh)
 */
public record ZaloSendOutcome(SendResult result, Integer zaloError) {

    public boolean delivered() {
        return result.delivered();
    }

    /** Zalo refused because the citizen's last message is too long ago. */
    public boolean windowClosed() {
        return ZaloErrors.windowClosed(zaloError);
    }

    /** Sending the same message again would fail the same way (a Zalo error other than rate limits). */
    public boolean permanent() {
        return zaloError != null && !ZaloErrors.RETRYABLE.contains(zaloError);
    }
}
