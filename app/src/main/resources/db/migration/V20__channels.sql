-- Telegram and Zalo redeliver a webhook when our 200 is late or lost. The primary key lets exactly one
-- delivery through: the row is inserted before any work, and a repeat finds it there.
-- delivery_id is Telegram's update_id or Zalo's msg_id; synthetic ids that embed a user id (Zalo
-- follow/unfollow) are stored as their SHA-256 so no channel user id is kept before consent.
CREATE TABLE channel_delivery (
    channel      VARCHAR(16) NOT NULL,
    delivery_id  VARCHAR(64) NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, delivery_id)
);

CREATE INDEX channel_delivery_received_idx ON channel_delivery (received_at);

-- Replies that never reached the citizen: failed after the retries, or dropped because the channel's
-- queue was full. No chat id here: the reason and the delivery are enough to investigate.
CREATE TABLE channel_send_failure (
    id           BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel      VARCHAR(16)  NOT NULL,
    delivery_id  VARCHAR(64)  NOT NULL,
    exchange_id  UUID,
    reason       TEXT         NOT NULL,
    attempts     INTEGER      NOT NULL,
    failed_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX channel_send_failure_failed_idx ON channel_send_failure (failed_at DESC);

-- One row per chat session (session_key = SessionKeys hash, as in conversation_session).
-- chat_id is kept only while the citizen's consent is given (to send comment answers back later);
-- unfollowed_at stops every send to a Zalo follower who left the OA.
CREATE TABLE channel_contact (
    session_key    VARCHAR(64)  PRIMARY KEY,
    channel        VARCHAR(16)  NOT NULL,
    chat_id        VARCHAR(64),
    unfollowed_at  TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- The Zalo OA's tokens. Zalo's refresh token is single-use, so the pair it returns must survive a restart.
-- seed_hash is the SHA-256 of the refresh token configured in ZALO_REFRESH_TOKEN when the row was seeded:
-- a different configured token means an administrator re-authorised the OA and the configured pair wins.
CREATE TABLE zalo_token (
    id             SMALLINT     PRIMARY KEY CHECK (id = 1),
    access_token   TEXT         NOT NULL,
    refresh_token  TEXT         NOT NULL,
    expires_at     TIMESTAMPTZ,
    seed_hash      VARCHAR(64)  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
