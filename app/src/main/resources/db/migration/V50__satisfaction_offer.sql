-- The chat offers the satisfaction rating of a procedure once per session, and a chat button records
-- it once. Topic ids, comma-separated (ids are kebab-case, never contain a comma); the level chosen is
-- never kept here, so a rating stays unlinked from the session.
ALTER TABLE conversation_session
    ADD COLUMN satisfaction_offered TEXT NOT NULL DEFAULT '',
    ADD COLUMN satisfaction_rated   TEXT NOT NULL DEFAULT '';
