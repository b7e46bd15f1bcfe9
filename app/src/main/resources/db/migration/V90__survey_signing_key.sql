-- The key that signs the survey links printed on posters (satisfaction.SurveyTokens). Kept in the database
-- rather than in the configuration so that every instance checks with the same key and printed posters stay
-- valid across restarts; made by the first instance that needs it.
CREATE TABLE survey_signing_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
