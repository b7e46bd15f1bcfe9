package vn.dvcassistant.channel;

/** The chat channels a citizen can reach the assistant through. */
public enum Channel {
    TELEGRAM,
    ZALO,
    WEB
}
