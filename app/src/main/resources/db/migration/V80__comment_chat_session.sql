-- Which chat conversation a comment was sent from (the session key, a hash as in conversation_session),
-- whether or not the citizen consented to be contacted: "xóa dữ liệu" in that chat then erases the
-- comment's text too. reply_to alone missed comments from the web chat and those sent without consent.
CREATE TABLE comment_chat_session (
    comment_id   BIGINT      PRIMARY KEY REFERENCES citizen_comment (id) ON DELETE CASCADE,
    session_key  VARCHAR(64) NOT NULL
);

CREATE INDEX comment_chat_session_key_idx ON comment_chat_session (session_key);
