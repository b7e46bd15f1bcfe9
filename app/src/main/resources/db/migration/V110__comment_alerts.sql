-- E-mail alerts to agencies: when a comment's "new comment" mail was taken for sending, and which
-- deadline mail it has had (1: due today or tomorrow, 2: past its deadline). Comments received before
-- alerts existed count as already announced, so turning mail on does not send a flood of old news.
ALTER TABLE citizen_comment ADD COLUMN alerted_at TIMESTAMPTZ;
ALTER TABLE citizen_comment ADD COLUMN due_alert_level SMALLINT NOT NULL DEFAULT 0;
UPDATE citizen_comment SET alerted_at = received_at, due_alert_level = 2;
CREATE INDEX citizen_comment_unalerted_idx ON citizen_comment (received_at) WHERE alerted_at IS NULL;
