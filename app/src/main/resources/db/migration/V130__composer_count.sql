-- How each entry was answered while a language model was configured: by the model (composer 'llm') or by
-- the template, with the reason the model's answer was not sent. Counted in memory and added here every
-- half minute, one row per day, entry, composer and reason; no question or answer text.
CREATE TABLE composer_count (
    day      DATE   NOT NULL,
    topic_id TEXT   NOT NULL,
    composer TEXT   NOT NULL CHECK (composer IN ('llm', 'template')),
    reason   TEXT   NOT NULL DEFAULT '',
    answers  BIGINT NOT NULL CHECK (answers > 0),
    PRIMARY KEY (day, topic_id, composer, reason)
);
