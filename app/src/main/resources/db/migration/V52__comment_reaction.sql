-- One "useful / not useful" per reader and published answer. A reader is an anonymous browser cookie,
-- stored only as its SHA-256, never linked to a person, a session or a comment of their own. The counts
-- on citizen_comment stay the figures shown; reactions recorded before this table count as they were.
CREATE TABLE comment_reaction (
    comment_id BIGINT      NOT NULL REFERENCES citizen_comment (id) ON DELETE CASCADE,
    reader     CHAR(64)    NOT NULL,
    useful     BOOLEAN     NOT NULL,
    reacted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, reader)
);
