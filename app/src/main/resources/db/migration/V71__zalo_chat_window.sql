-- Zalo delivers consultation messages only within a window after the citizen's last message (free for
-- 48 hours, paid up to 7 days). The time of each Zalo citizen's last message, keyed like
-- conversation_session (a hash, not the Zalo user id); rows older than the longest window are purged.
CREATE TABLE zalo_chat_window (
    session_key      VARCHAR(64)  PRIMARY KEY,
    last_message_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX zalo_chat_window_last_idx ON zalo_chat_window (last_message_at);

-- An answer to a comment that could not reach a Zalo citizen because the window was closed and no
-- template message went out is kept (held_since) until the citizen writes again. delivered_by says how
-- an answer got through: chat (window open), template, next_message (after the citizen wrote again);
-- NULL for entries sent before this column existed and for Telegram, which has no window.
ALTER TABLE comment_reply_outbox
    ADD COLUMN held_since    TIMESTAMPTZ,
    ADD COLUMN delivered_by  VARCHAR(16);

CREATE INDEX comment_reply_outbox_held_idx ON comment_reply_outbox (recipient)
    WHERE held_since IS NOT NULL AND sent_at IS NULL;
