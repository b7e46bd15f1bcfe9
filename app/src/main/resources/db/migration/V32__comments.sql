-- Citizens' comments (góp ý, phản ánh, kiến nghị) and their handling, with deadlines in working days.
CREATE TABLE citizen_comment (
    id               BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code             VARCHAR(16)  NOT NULL UNIQUE,   -- public tracking code, e.g. GY-7K3M9Q
    channel          VARCHAR(16)  NOT NULL,
    topic_id         VARCHAR(100),
    field            VARCHAR(32)  NOT NULL,
    agency           VARCHAR(32)  NOT NULL,          -- routed by field
    text             TEXT         NOT NULL,          -- identity and phone numbers masked
    consent          BOOLEAN      NOT NULL,
    -- Contact details: stored only when consent is TRUE, never shown on public pages.
    contact_name     VARCHAR(200),
    contact_phone    VARCHAR(32),
    contact_email    VARCHAR(200),
    reply_to         VARCHAR(200),                   -- channel user id to send the answer to
    status           VARCHAR(24)  NOT NULL,
    status_note      TEXT,                           -- why: rejected, information needed, transferred to whom
    received_at      TIMESTAMPTZ  NOT NULL,
    acknowledged_at  TIMESTAMPTZ,                    -- first staff action
    reject_due       DATE         NOT NULL,
    info_due         DATE         NOT NULL,
    answer_due       DATE         NOT NULL,          -- moved when the citizen supplies missing information
    publish_due      DATE,
    answered_at      TIMESTAMPTZ,
    answer           TEXT,
    published_at     TIMESTAMPTZ,
    closed_at        TIMESTAMPTZ,                    -- rejected or transferred
    useful_count     INTEGER      NOT NULL DEFAULT 0,
    not_useful_count INTEGER      NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ  NOT NULL
);

CREATE INDEX citizen_comment_agency_received_idx ON citizen_comment (agency, received_at);
CREATE INDEX citizen_comment_open_idx ON citizen_comment (status) WHERE status IN ('received', 'needs_info', 'in_progress', 'answered');
CREATE INDEX citizen_comment_published_idx ON citizen_comment (published_at DESC) WHERE status = 'published';

-- Every status change, who made it and why: the audit trail of the handling.
CREATE TABLE citizen_comment_event (
    id          BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  BIGINT      NOT NULL REFERENCES citizen_comment (id) ON DELETE CASCADE,
    from_status VARCHAR(24),
    to_status   VARCHAR(24) NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT,
    at          TIMESTAMPTZ NOT NULL
);

CREATE INDEX citizen_comment_event_comment_idx ON citizen_comment_event (comment_id, at);

-- Answers waiting to be sent back on the citizen's channel; the channel wiring sends and marks them.
CREATE TABLE comment_reply_outbox (
    id          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    comment_id  BIGINT       NOT NULL REFERENCES citizen_comment (id) ON DELETE CASCADE,
    channel     VARCHAR(16)  NOT NULL,
    recipient   VARCHAR(200) NOT NULL,
    text        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  TEXT
);

CREATE INDEX comment_reply_outbox_pending_idx ON comment_reply_outbox (created_at) WHERE sent_at IS NULL;
