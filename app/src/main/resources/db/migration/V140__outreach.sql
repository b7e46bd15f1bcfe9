-- Announcements a citizen asked for on Telegram or Zalo. Keyed by the session's hashed key (as
-- conversation_session); the chat id is read from channel_contact, which keeps it only while consent
-- stands, so withdrawing consent or erasing stops every send. fields: field codes the citizen chose,
-- empty = every field; commune: an agency code of the directory (a commune People's Committee) or NULL.
-- A row is kept after it ends (ended_at, ended_reason: citizen | erased | consent_withdrawn) so
-- "unsubscribed after a campaign" can be counted; nothing in it identifies the citizen.
CREATE TABLE subscription (
    session_key   VARCHAR(64)  PRIMARY KEY,
    channel       VARCHAR(16)  NOT NULL,
    fields        TEXT[]       NOT NULL DEFAULT '{}',
    commune       VARCHAR(32),
    started_at    TIMESTAMPTZ  NOT NULL,
    ended_at      TIMESTAMPTZ,
    ended_reason  VARCHAR(24)
);

CREATE INDEX subscription_active_idx ON subscription (channel) WHERE ended_at IS NULL;

-- An announcement composed by a staff member, sent after a second one approved it.
-- status: awaiting_approval -> approved -> sending -> sent (or cancelled before sending).
CREATE TABLE campaign (
    id              UUID         PRIMARY KEY,
    text            TEXT         NOT NULL,
    topic_id        VARCHAR(100),
    audience_fields   TEXT[]     NOT NULL DEFAULT '{}',
    audience_communes TEXT[]     NOT NULL DEFAULT '{}',
    audience_channels TEXT[]     NOT NULL DEFAULT '{}',
    send_at         TIMESTAMPTZ,
    status          VARCHAR(24)  NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    approved_by     VARCHAR(64),
    approved_at     TIMESTAMPTZ,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    targeted        INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX campaign_due_idx ON campaign (send_at) WHERE status = 'approved';
CREATE INDEX campaign_created_idx ON campaign (created_at DESC);

-- One message of a campaign to one subscriber, created when the send starts (the audience is fixed
-- then). Instances claim pending rows until claimed_until (FOR UPDATE SKIP LOCKED), so two never send
-- the same row; a claim left by a crashed instance runs out and another one sends it.
-- status: pending | sent | failed | blocked (the platform's rules forbid it) | skipped (unsubscribed
-- or consent withdrawn before its turn). reason: a short machine code, never a chat id.
CREATE TABLE campaign_delivery (
    id             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id    UUID         NOT NULL REFERENCES campaign (id),
    session_key    VARCHAR(64)  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'pending',
    reason         VARCHAR(48),
    attempts       INTEGER      NOT NULL DEFAULT 0,
    claimed_until  TIMESTAMPTZ,
    done_at        TIMESTAMPTZ,
    UNIQUE (campaign_id, session_key)
);

CREATE INDEX campaign_delivery_pending_idx ON campaign_delivery (campaign_id, id) WHERE status = 'pending';

-- Who did what to a campaign, and when: created, approved (by whom), started, finished, cancelled.
CREATE TABLE campaign_audit (
    id           BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id  UUID         NOT NULL REFERENCES campaign (id),
    action       VARCHAR(24)  NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX campaign_audit_campaign_idx ON campaign_audit (campaign_id, id);

-- A reminder a citizen asked for, before a deadline their answer states (days counted from a date the
-- citizen gives). status: awaiting_date (asked, no date yet) | scheduled | sent | failed | cancelled.
CREATE TABLE reminder (
    id             BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_key    VARCHAR(64)  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    topic_id       VARCHAR(100) NOT NULL,
    deadline       DATE,
    remind_on      DATE,
    status         VARCHAR(16)  NOT NULL,
    claimed_until  TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL,
    done_at        TIMESTAMPTZ
);

CREATE INDEX reminder_session_idx ON reminder (session_key) WHERE status IN ('awaiting_date', 'scheduled');
CREATE INDEX reminder_due_idx ON reminder (remind_on) WHERE status = 'scheduled';
