-- Helpful / not helpful on one answer. The primary key makes it one rating per answer: a citizen who
-- changes their mind updates the row. Deleting an exchange (data deletion) deletes its rating.
CREATE TABLE answer_rating (
    message_id  UUID        PRIMARY KEY REFERENCES exchange (id) ON DELETE CASCADE,
    helpful     BOOLEAN     NOT NULL,
    reason      TEXT,                      -- identity and phone numbers masked
    channel     VARCHAR(16) NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX answer_rating_created_idx ON answer_rating (created_at);
