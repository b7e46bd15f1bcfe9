-- Conversation state lives here, not in memory, so any instance can answer any session.
-- The session id is a SHA-256 of channel + the client's session id: a channel user id is never stored.
CREATE TABLE conversation_session (
    id                VARCHAR(64) PRIMARY KEY,
    channel           VARCHAR(16) NOT NULL,
    consent           VARCHAR(16) NOT NULL DEFAULT 'unknown',  -- unknown | asked | given | refused
    consent_at        TIMESTAMPTZ,
    notice_shown      BOOLEAN     NOT NULL DEFAULT FALSE,
    last_topic_id     VARCHAR(100),
    last_kind         VARCHAR(16),
    last_exchange_id  UUID,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- One row per question and answer. The question is stored with identity numbers and phone numbers masked.
CREATE TABLE exchange (
    id                 UUID PRIMARY KEY,
    session_id         VARCHAR(64)      NOT NULL REFERENCES conversation_session (id),
    channel            VARCHAR(16)      NOT NULL,
    question           TEXT             NOT NULL,
    kind               VARCHAR(16)      NOT NULL,  -- answer | clarify | fallback | smalltalk
    topic_id           VARCHAR(100),
    confidence         DOUBLE PRECISION NOT NULL,
    latency_ms         INTEGER          NOT NULL,
    handoff_requested  BOOLEAN          NOT NULL DEFAULT FALSE,
    created_at         TIMESTAMPTZ      NOT NULL
);

CREATE INDEX exchange_kind_created_idx ON exchange (kind, created_at DESC);
CREATE INDEX exchange_topic_idx ON exchange (topic_id) WHERE topic_id IS NOT NULL;
CREATE INDEX exchange_session_idx ON exchange (session_id, created_at);
