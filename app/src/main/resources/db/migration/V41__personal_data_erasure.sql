-- A record that personal data was erased, and how much, without saying whose: proof that requests
-- under the personal data protection law were carried out.
CREATE TABLE personal_data_erasure (
    id              BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reason          VARCHAR(16) NOT NULL CHECK (reason IN ('citizen', 'staff', 'retention')),
    channel         VARCHAR(16),
    exchanges       INTEGER     NOT NULL,
    answer_ratings  INTEGER     NOT NULL,
    comments        INTEGER     NOT NULL,
    erased_at       TIMESTAMPTZ NOT NULL
);

-- Set when a citizen asks in chat to delete their data; the deletion happens only when they confirm.
ALTER TABLE conversation_session ADD COLUMN erasure_requested_at TIMESTAMPTZ;
