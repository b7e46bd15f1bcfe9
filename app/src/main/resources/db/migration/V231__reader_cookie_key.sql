-- The key that signs the transparency page's anonymous reader cookie (comments.ReaderCookie): a reaction counts only
-- with a cookie this service issued, so made-up values cannot add votes. In the database, like the survey key, so
-- every instance checks with the same key and readers keep their cookie across restarts.
CREATE TABLE reader_cookie_key (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
