package vn.dvcassistant.app.comments;

/**
 * Whether the citizen's additional information would be taken for a comment, and why not. A comment sent
 * from a chat that keeps its reply address takes information only from that same chat; other comments
 * (the web form, the web chat, a chat without consent) have no owner to check, so the tracking code,
 * random and known only to the citizen until the answer is published, is the proof.
 */
public enum InformationCheck {
    ACCEPTED,
    UNKNOWN_COMMENT,
    /** The agency asked for nothing, or no longer waits for it. */
    NOT_WAITING,
    /** Sent from a chat: only that chat may add to it. */
    OTHER_CHAT
}
