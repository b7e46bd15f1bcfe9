-- The citizen said "góp ý": their next message is the comment. Kept here, not in memory, so any
-- instance can take that next message.
ALTER TABLE conversation_session ADD COLUMN awaiting_comment BOOLEAN NOT NULL DEFAULT FALSE;
