-- Several instances may send the comment-answer outbox: an instance claims the entries it is about to
-- send until this time, so another one skips them; a claim left by a crashed instance runs out.
ALTER TABLE comment_reply_outbox ADD COLUMN claimed_until TIMESTAMPTZ;
