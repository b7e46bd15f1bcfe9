-- A question stored while its conversation had no consent (before the citizen answered the consent
-- question, or after a refusal) is kept only dvc.privacy.unconsented-text-retention (RetentionJob).
-- The partial index holds only the texts still waiting to be erased, so it stays small.
ALTER TABLE exchange ADD COLUMN without_consent BOOLEAN NOT NULL DEFAULT FALSE;

-- Questions stored before this version: judged by their conversation's consent now.
UPDATE exchange e SET without_consent = TRUE
  FROM conversation_session s
 WHERE s.id = e.session_id AND s.consent <> 'given' AND e.question <> '';

CREATE INDEX exchange_unconsented_text_idx ON exchange (created_at) WHERE without_consent AND question <> '';
