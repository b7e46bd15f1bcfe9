package vn.dvcassistant.channel;

/** What a citizen did, as far as the conversation engine cares. */
public enum InboundType {
    /** Free text typed by the citizen. */
    TEXT,
    /** A press on one of our buttons; {@link InboundEvent#buttonData()} says which. */
    BUTTON,
    /** The citizen opened the chat (Telegram /start). */
    START,
    /** The citizen followed the Zalo OA. */
    FOLLOW,
    /** The citizen unfollowed the Zalo OA; nothing can be sent back. */
    UNFOLLOW,
    /** Something we cannot read (sticker, photo, voice, location, an edited message): answer with a hint. */
    UNSUPPORTED,
    /** Not for us (a group message not addressed to the bot, an unknown event): answer nothing. */
    IGNORED
}
