-- Idempotency-Key of ratings and comments: a retried request (the client timed out, the network dropped
-- the answer) gets the first answer back instead of storing the rating or the comment a second time.
-- status 0 while the first request is being handled. Kept 24 hours (IdempotentRequests).
CREATE TABLE idempotent_request (
    scope       VARCHAR(32)  NOT NULL,
    key         VARCHAR(100) NOT NULL,
    status      INTEGER      NOT NULL,
    body        TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotent_request_created_idx ON idempotent_request (created_at);
