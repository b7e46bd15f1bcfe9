-- Service satisfaction on the three official levels (the Decision 1588 figure).
-- Sized for tens of millions of rows: inserts only touch this table (no shared counter row), and the
-- statistics read satisfaction_daily plus the few rows not yet rolled up.
CREATE TABLE satisfaction_rating (
    id        BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic_id  VARCHAR(100) NOT NULL,
    field     VARCHAR(32)  NOT NULL,
    agency    VARCHAR(32)  NOT NULL DEFAULT '',   -- '' when the citizen did not name one
    channel   VARCHAR(16)  NOT NULL,              -- web | telegram | zalo | survey | assisted
    level     VARCHAR(16)  NOT NULL,              -- rat_hai_long | hai_long | khong_hai_long
    satisfied BOOLEAN      NOT NULL,
    comment   TEXT,                               -- identity and phone numbers masked
    rated_on  DATE         NOT NULL,              -- local day (dvc.feedback.zone)
    rated_at  TIMESTAMPTZ  NOT NULL,
    -- The inserting transaction. The roll-up takes only rows of transactions older than every running
    -- one, so a slow transaction that commits late is never skipped (an id watermark would skip it).
    txid      XID8         NOT NULL DEFAULT pg_current_xact_id()
);

CREATE INDEX satisfaction_rating_txid_idx ON satisfaction_rating (txid);

-- Counts per day and breakdown key, written only by the roll-up job (one writer: no hot-row contention).
CREATE TABLE satisfaction_daily (
    rated_on  DATE        NOT NULL,
    field     VARCHAR(32) NOT NULL,
    agency    VARCHAR(32) NOT NULL,
    channel   VARCHAR(16) NOT NULL,
    satisfied BIGINT      NOT NULL,
    total     BIGINT      NOT NULL,
    PRIMARY KEY (rated_on, field, agency, channel)
);

-- Rows with txid below rolled_below are counted in satisfaction_daily; the others form the tail.
CREATE TABLE satisfaction_rollup_state (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    rolled_below XID8        NOT NULL,
    rolled_at    TIMESTAMPTZ
);

INSERT INTO satisfaction_rollup_state (id, rolled_below) VALUES (1, '0'::xid8);
