-- Reminders are sent: each instance claims due rows (claimed_until, as the campaign rows), counts its
-- tries, and records why one was not delivered. status gains 'blocked' (Zalo's rules forbid the
-- message: the citizen has not written within the window and no template is configured).
-- reason: a short machine code, never a chat id. The date the citizen gave is not stored; only the
-- deadline and the day to remind, both erased with the conversation.
ALTER TABLE reminder ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reminder ADD COLUMN reason VARCHAR(48);
