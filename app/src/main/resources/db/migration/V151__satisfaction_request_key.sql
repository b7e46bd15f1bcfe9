-- The Idempotency-Key a rating was sent with, so a retry can never store it twice: not even when the instance
-- that stored the rating died before it kept the key's answer (the retry then takes the key over and its
-- insert finds the rating already there, and answers with its id).
ALTER TABLE satisfaction_rating ADD COLUMN request_key VARCHAR(100);

CREATE UNIQUE INDEX satisfaction_rating_request_key_idx ON satisfaction_rating (request_key)
    WHERE request_key IS NOT NULL;
